package com.tttools.simulator.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import com.tttools.simulator.SimulatorControl;
import com.tttools.simulator.api.ApiGateway;
import com.tttools.simulator.oauth.Token;

/**
 * Single entry point of the simulator's DispatcherServlet. Paths are taken relative to the servlet
 * (context path + servlet path = the prefix), so the same routes serve embedded and standalone.
 */
@Controller
public class SimulatorController {

    static final String API = "/open_api/v1.3";

    private final SimulatorControl control;
    private final ApiGateway gateway;
    private final ConsentPage consent;
    private final ControlApi controlApi;

    public SimulatorController(SimulatorControl control) {
        this.control = control;
        this.gateway = new ApiGateway(control.sim());
        this.consent = new ConsentPage(control.sim());
        this.controlApi = new ControlApi(control);
    }

    @RequestMapping("/**")
    public void handle(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String base = req.getContextPath() + req.getServletPath();
        String uri = req.getRequestURI();
        String path = uri.startsWith(base) ? uri.substring(base.length()) : uri;
        if (path.isEmpty()) {
            path = "/";
        }
        if (path.startsWith(API + "/")) {
            gateway.handle(req, res, path.substring(API.length()), base);
        } else if (path.equals("/portal/auth") || path.equals("/portal/auth/") || path.equals("/marketing_api/auth")) {
            if (req.getMethod().equals("POST")) {
                consent.decide(req, res, Token.Kind.ADVERTISER);
            } else {
                consent.show(req, res, base, Token.Kind.ADVERTISER);
            }
        } else if (path.equals("/v2/auth/authorize") || path.equals("/v2/auth/authorize/")) {
            if (req.getMethod().equals("POST")) {
                consent.decide(req, res, Token.Kind.TT_USER);
            } else {
                consent.show(req, res, base, Token.Kind.TT_USER);
            }
        } else if (path.equals("/_sim") || path.startsWith("/_sim/")) {
            controlApi.handle(req, res, path);
        } else {
            res.sendError(404);
        }
    }

    public SimulatorControl control() {
        return control;
    }
}
