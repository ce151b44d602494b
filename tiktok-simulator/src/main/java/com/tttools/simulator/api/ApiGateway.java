package com.tttools.simulator.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.tttools.simulator.SimApp;
import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Json;
import com.tttools.simulator.core.Params;
import com.tttools.simulator.core.RequestIds;
import com.tttools.simulator.limits.Faults;
import com.tttools.simulator.limits.WriteLog;
import com.tttools.simulator.oauth.Token;
import com.tttools.simulator.report.ReportEndpoints;

/**
 * The /open_api/v1.3/ pipeline: stats, injected faults, Access-Token, rate limits, permission scope,
 * handler, and TikTok's {code, message, request_id, data} envelope on HTTP 200.
 */
public final class ApiGateway {

    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);
    private static final Set<String> GET = Set.of("GET");
    private static final Set<String> POST = Set.of("POST");
    private static final Set<String> GET_POST = Set.of("GET", "POST");
    static final int SCOPE_ACCOUNT = 1;
    static final int SCOPE_ADS = 2;
    static final int SCOPE_AUDIENCE = 3;
    static final int SCOPE_REPORTING = 4;
    static final int SCOPE_PIXEL = 5;
    static final int SCOPE_CATALOG = 6;
    static final int SCOPE_CREATIVE = 7;

    private final Sim sim;
    private final Map<String, Route> routes = new HashMap<>();

    public ApiGateway(Sim sim) {
        this.sim = sim;
        route("/oauth2/access_token/", POST, false, 0, OAuthEndpoints::accessToken);
        route("/oauth2/advertiser/get/", GET, true, 0, OAuthEndpoints::advertisers);
        route("/oauth2/revoke_token/", POST, false, 0, OAuthEndpoints::revoke);
        route("/user/info/", GET_POST, true, 0, AccountEndpoints::userInfo);
        route("/tt_user/oauth2/token/", POST, false, 0, OAuthEndpoints::ttToken);
        route("/tt_user/oauth2/refresh_token/", POST, false, 0, OAuthEndpoints::ttRefresh);
        route("/tt_user/oauth2/revoke/", POST, false, 0, OAuthEndpoints::ttRevoke);
        route("/tt_user/token_info/get/", POST, false, 0, OAuthEndpoints::ttTokenInfo);
        route("/bc/get/", GET, true, SCOPE_ACCOUNT, AccountEndpoints::businessCenters);
        route("/bc/asset/get/", GET, true, SCOPE_ACCOUNT, AccountEndpoints::businessCenterAssets);
        route("/advertiser/info/", GET, true, SCOPE_ACCOUNT, AccountEndpoints::advertiserInfo);
        route("/campaign/get/", GET, true, SCOPE_ADS, EntityEndpoints::campaigns);
        route("/adgroup/get/", GET, true, SCOPE_ADS, EntityEndpoints::adgroups);
        route("/ad/get/", GET, true, SCOPE_ADS, EntityEndpoints::ads);
        route("/pixel/list/", GET, true, SCOPE_PIXEL, AccountEndpoints::pixels);
        route("/catalog/get/", GET, true, SCOPE_CATALOG, AccountEndpoints::catalogs);
        route("/dmp/custom_audience/list/", GET, true, SCOPE_AUDIENCE, AccountEndpoints::audiences);
        route("/identity/get/", GET, true, SCOPE_CREATIVE, AccountEndpoints::identities);
        write("/campaign/status/update/", EntityEndpoints::campaignStatus);
        write("/adgroup/status/update/", EntityEndpoints::adgroupStatus);
        write("/ad/status/update/", EntityEndpoints::adStatus);
        write("/campaign/update/", EntityEndpoints::campaignUpdate);
        write("/adgroup/budget/update/", EntityEndpoints::adgroupBudget);
        write("/adgroup/update/", EntityEndpoints::adgroupUpdate);
        route("/report/integrated/get/", GET, true, SCOPE_REPORTING, c -> ReportEndpoints.integrated(c.sim, c.world, c.params, c.token, c.now));
        route("/report/task/create/", POST, true, SCOPE_REPORTING, c -> ReportEndpoints.createTask(c.sim, c.world, c.params, c.token, c.now));
        route("/report/task/check/", GET, true, SCOPE_REPORTING, c -> ReportEndpoints.checkTask(c.sim, c.world, c.params, c.token));
        route("/report/task/download/", GET, true, SCOPE_REPORTING, c -> ReportEndpoints.downloadTask(c.sim, c.world, c.params, c.token, c.base, c.now));
        route("/report/task/cancel/", POST, true, SCOPE_REPORTING, c -> ReportEndpoints.cancelTask(c.sim, c.world, c.params, c.token));
    }

    private void route(String path, Set<String> methods, boolean needsToken, int scope, Route.Handler handler) {
        routes.put(path, new Route(methods, needsToken, scope, false, handler));
    }

    private void write(String path, Route.Handler handler) {
        routes.put(path, new Route(POST, true, SCOPE_ADS, true, handler));
    }

    public Set<String> paths() {
        return routes.keySet();
    }

    public void handle(HttpServletRequest req, HttpServletResponse res, String apiPath, String base) throws IOException {
        String path = apiPath.endsWith("/") || sim.world().behaviour().strictTrailingSlash() ? apiPath : apiPath + "/";
        String tokenText = accessToken(req);
        sim.stats.call(path, tokenText);
        Route route = routes.get(path);
        Map<String, Object> body = null;
        ApiException badBody = null;
        try {
            body = body(req);
        } catch (ApiException e) {
            badBody = e;
        }
        boolean write = route != null && route.write();
        List<String> ids = write ? WriteLog.idsOf(body) : List.of();
        Faults.Decision fault = sim.faults().decide(new Faults.Target(path, write, ids, tokenText), sim.clock.instant());
        if (fault.latencyMs() > 0) {
            sim.stats.fault("latency");
            sleep(fault.latencyMs());
        }
        if (!fault.afterApply() && answerFault(res, fault)) {
            logWrite(write, path, body, ids, List.of(), fault);
            return;
        }
        if (route == null) {
            res.sendError(404);
            return;
        }
        if (!route.methods().contains(req.getMethod())) {
            res.sendError(405);
            return;
        }
        Call call = null;
        Object data;
        int code = 0;
        String message = "OK";
        try {
            if (badBody != null) {
                throw badBody;
            }
            Params params = new Params(req.getParameterMap(), body);
            Token token = route.needsToken() ? authenticate(tokenText) : null;
            String appId = token != null ? token.appId : params.has("app_id") ? params.str("app_id") : params.str("client_id");
            SimApp app = sim.auth.app(appId);
            if (app != null) {
                sim.limiter.checkApp(app.appId(), app.qps(), sim.world().now());
            }
            String advertiserId = params.str("advertiser_id");
            if (advertiserId != null) {
                sim.limiter.checkAdvertiserPath(advertiserId, path);
            }
            if (route.scope() > 0 && !token.scopes.contains(route.scope())) {
                throw new ApiException(ApiException.NO_PERMISSION, "advertiser does not grant you " + path + ":" + req.getMethod() + " permission");
            }
            call = new Call(sim, params, path, req.getMethod(), token, base);
            data = route.handler().handle(call);
        } catch (ApiException e) {
            code = e.code();
            message = e.getMessage();
            data = Map.of();
        } catch (RuntimeException e) {
            LOG.warn("simulator handler failed on {}", path, e);
            code = ApiException.SYSTEM_ERROR;
            message = "System error.";
            data = Map.of();
        }
        List<String> applied = code == 0 && call != null ? call.applied() : List.of();
        // a fault "after apply" lets the write happen and replaces only its answer, as a lost response would
        if (fault.afterApply() && answerFault(res, fault)) {
            logWrite(write, path, body, ids, applied, fault);
            return;
        }
        if (write) {
            sim.writes.record(sim.clock.instant(), path, body, ids, applied, Integer.toString(code));
        }
        if (data instanceof RawBody raw) {
            sim.stats.answered(0);
            res.setStatus(200);
            res.setContentType(raw.contentType());
            res.getOutputStream().write(raw.body());
            return;
        }
        envelope(res, code, message, data);
    }

    /** Answers an injected fault if the decision has an outcome; false when the call goes on normally. */
    private boolean answerFault(HttpServletResponse res, Faults.Decision fault) throws IOException {
        if (fault.httpStatus() != null) {
            sim.stats.fault("http_" + fault.httpStatus());
            gateway(res, fault.httpStatus());
            return true;
        }
        if (fault.malformed()) {
            sim.stats.fault("malformed");
            res.setStatus(200);
            res.setContentType("application/json");
            res.getOutputStream().write(("{\"code\": 0, \"message\": \"OK\", \"request_id\": \"" + RequestIds.next(sim.clock.instant())
                    + "\", \"data\": {\"list\": [{\"id\": ").getBytes(StandardCharsets.UTF_8));
            return true;
        }
        if (fault.code() != null) {
            sim.stats.fault("code_" + fault.code());
            envelope(res, fault.code(), fault.message() != null ? fault.message() : ApiException.defaultMessage(fault.code()), Map.of());
            return true;
        }
        return false;
    }

    private void logWrite(boolean write, String path, Map<String, Object> body, List<String> ids, List<String> applied, Faults.Decision fault) {
        if (write) {
            String answer = fault.httpStatus() != null ? "http_" + fault.httpStatus() : fault.malformed() ? "malformed" : Integer.toString(fault.code());
            sim.writes.record(sim.clock.instant(), path, body, ids, applied, answer);
        }
    }

    private String accessToken(HttpServletRequest req) {
        String header = req.getHeader("Access-Token");
        if (header == null && sim.world().behaviour().acceptQueryAccessToken()) {
            header = req.getParameter("Access-Token");
        }
        return header == null || header.isBlank() ? null : header.trim();
    }

    private Token authenticate(String text) {
        if (text == null) {
            throw new ApiException(ApiException.TOKEN_NULL, "Access token is null");
        }
        Token token = sim.auth.token(text);
        if (token == null || token.revoked() || token.kind != Token.Kind.ADVERTISER) {
            throw new ApiException(ApiException.TOKEN_INVALID, ApiException.defaultMessage(ApiException.TOKEN_INVALID));
        }
        return token;
    }

    private static Map<String, Object> body(HttpServletRequest req) throws IOException {
        if (!"POST".equals(req.getMethod()) && req.getContentLength() <= 0) {
            return null;
        }
        byte[] bytes = req.getInputStream().readAllBytes();
        String text = new String(bytes, StandardCharsets.UTF_8).trim();
        if (text.isEmpty()) {
            return null;
        }
        return Json.parseObject(text);
    }

    private void envelope(HttpServletResponse res, int code, String message, Object data) throws IOException {
        sim.stats.answered(code);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("request_id", RequestIds.next(sim.clock.instant()));
        body.put("data", data);
        byte[] bytes = Json.bytes(body);
        res.setStatus(200);
        res.setContentType("application/json");
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    private static void gateway(HttpServletResponse res, int status) throws IOException {
        String title = switch (status) {
            case 429 -> "429 Too Many Requests";
            case 502 -> "502 Bad Gateway";
            case 503 -> "503 Service Temporarily Unavailable";
            case 504 -> "504 Gateway Time-out";
            default -> status + " Error";
        };
        res.setStatus(status);
        res.setContentType("text/html");
        res.getOutputStream().write(("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
