package com.tttools.simulator.web;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.tttools.simulator.SimApp;
import com.tttools.simulator.api.Sim;
import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.oauth.AuthStore;
import com.tttools.simulator.oauth.Token;

/**
 * The authorization page: /portal/auth (advertiser grant, callback carries auth_code and state) and
 * /v2/auth/authorize (TikTok account login, callback carries code and state). With auto-approval
 * (POST /_sim/consent) it redirects at once.
 */
final class ConsentPage {

    private final Sim sim;

    ConsentPage(Sim sim) {
        this.sim = sim;
    }

    void show(HttpServletRequest req, HttpServletResponse res, String base, Token.Kind kind) throws IOException {
        String appId = kind == Token.Kind.ADVERTISER ? req.getParameter("app_id") : req.getParameter("client_key");
        String redirect = req.getParameter("redirect_uri");
        String state = req.getParameter("state");
        SimApp app = validate(res, appId, redirect);
        if (app == null) {
            return;
        }
        Sim.Consent consent = sim.consent();
        if (consent.autoApprove()) {
            grant(res, kind, app, redirect, state, 0, autoAdvertisers(consent));
            return;
        }
        int user = "1".equals(req.getParameter("user")) ? 1 : 0;
        Dataset d = sim.world().data;
        String action = base + (kind == Token.Kind.ADVERTISER ? "/portal/auth" : "/v2/auth/authorize");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>TikTok For Business - Authorize</title></head><body>")
                .append("<h1>Authorize ").append(esc(app.appId())).append("</h1>")
                .append("<p>Simulated TikTok user: <strong>").append(esc(d.userName(user))).append("</strong> (")
                .append("<a href=\"").append(esc(action + "?" + (kind == Token.Kind.ADVERTISER ? "app_id=" : "client_key=") + enc(app.appId())
                        + "&redirect_uri=" + enc(redirect) + (state == null ? "" : "&state=" + enc(state)) + "&user=" + (1 - user)))
                .append("\">switch to ").append(esc(d.userName(1 - user))).append("</a>)</p>")
                .append("<form method=\"post\" action=\"").append(esc(action)).append("\">")
                .append(hidden("app_id", app.appId())).append(hidden("redirect_uri", redirect)).append(hidden("state", state))
                .append(hidden("user", Integer.toString(user)));
        if (kind == Token.Kind.ADVERTISER) {
            html.append("<fieldset><legend>Ad accounts</legend>");
            for (int a = 0; a < d.advertisers(); a++) {
                if (d.userSees(user, a)) {
                    String id = d.id(Level.ADVERTISER, a);
                    html.append("<label><input type=\"checkbox\" name=\"advertiser_id\" value=\"").append(id).append("\" checked> ")
                            .append(esc(d.advertiserName(a))).append(" (").append(id).append(", ").append(d.market(a).currency())
                            .append(")</label><br>");
                }
            }
            html.append("</fieldset>");
        }
        html.append("<button type=\"submit\" name=\"decision\" value=\"authorize\">Authorize</button> ")
                .append("<button type=\"submit\" name=\"decision\" value=\"cancel\">Cancel</button></form></body></html>");
        res.setStatus(200);
        res.setContentType("text/html;charset=UTF-8");
        res.getOutputStream().write(html.toString().getBytes(StandardCharsets.UTF_8));
    }

    void decide(HttpServletRequest req, HttpServletResponse res, Token.Kind kind) throws IOException {
        String redirect = req.getParameter("redirect_uri");
        String state = req.getParameter("state");
        SimApp app = validate(res, req.getParameter("app_id"), redirect);
        if (app == null) {
            return;
        }
        if (!"authorize".equals(req.getParameter("decision"))) {
            res.sendRedirect(append(redirect, "error", "access_denied") + (state == null ? "" : "&state=" + enc(state)));
            return;
        }
        int user = "1".equals(req.getParameter("user")) ? 1 : 0;
        List<Integer> chosen = new ArrayList<>();
        String[] ids = req.getParameterValues("advertiser_id");
        Dataset d = sim.world().data;
        if (ids != null) {
            for (String id : ids) {
                int a = d.index(Level.ADVERTISER, id);
                if (a >= 0 && d.userSees(user, a)) {
                    chosen.add(a);
                }
            }
        }
        grant(res, kind, app, redirect, state, user, chosen);
    }

    private List<Integer> autoAdvertisers(Sim.Consent consent) {
        Dataset d = sim.world().data;
        List<Integer> out = new ArrayList<>();
        if (consent.advertiserIds() == null) {
            for (int a = 0; a < d.advertisers(); a++) {
                out.add(a);
            }
        } else {
            for (String id : consent.advertiserIds()) {
                int a = d.index(Level.ADVERTISER, id);
                if (a >= 0) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    private void grant(HttpServletResponse res, Token.Kind kind, SimApp app, String redirect, String state, int user, List<Integer> advertisers)
            throws IOException {
        long now = sim.world().now();
        AuthStore.AuthCode code = sim.auth.newCode(kind, app.appId(), user, advertisers, redirect,
                now + sim.world().behaviour().authCodeTtl().toSeconds());
        String url = append(redirect, kind == Token.Kind.ADVERTISER ? "auth_code" : "code", code.code());
        if (kind == Token.Kind.ADVERTISER && sim.world().behaviour().callbackAlsoCode()) {
            url += "&code=" + code.code();
        }
        if (state != null) {
            url += "&state=" + enc(state);
        }
        res.sendRedirect(url);
    }

    private SimApp validate(HttpServletResponse res, String appId, String redirect) throws IOException {
        SimApp app = sim.auth.app(appId);
        if (app == null) {
            error(res, "Unknown app_id " + appId + ".");
            return null;
        }
        if (!app.acceptsRedirect(redirect)) {
            error(res, "redirect_uri " + redirect + " is not registered for app " + appId + ".");
            return null;
        }
        return app;
    }

    private static void error(HttpServletResponse res, String message) throws IOException {
        res.setStatus(400);
        res.setContentType("text/html;charset=UTF-8");
        res.getOutputStream().write(("<!DOCTYPE html><html><body><h1>Authorization error</h1><p>" + esc(message) + "</p></body></html>")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String append(String uri, String name, String value) {
        return uri + (uri.contains("?") ? "&" : "?") + name + "=" + enc(value);
    }

    private static String hidden(String name, String value) {
        return value == null ? "" : "<input type=\"hidden\" name=\"" + name + "\" value=\"" + esc(value) + "\">";
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
