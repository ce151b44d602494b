package com.tttools.simulator.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.tttools.simulator.Behaviour;
import com.tttools.simulator.Scale;
import com.tttools.simulator.SimApp;
import com.tttools.simulator.SimulatorControl;
import com.tttools.simulator.core.ApiException;
import com.tttools.simulator.core.Json;
import com.tttools.simulator.report.ReportEndpoints;
import com.tttools.simulator.report.ReportTasks;

/** The /_sim/ control API: plain JSON in and out (not TikTok's envelope); bad input answers HTTP 400. */
final class ControlApi {

    private final SimulatorControl control;

    ControlApi(SimulatorControl control) {
        this.control = control;
    }

    void handle(HttpServletRequest req, HttpServletResponse res, String path) throws IOException {
        String method = req.getMethod();
        try {
            Map<String, Object> body = body(req);
            Object out = switch (method + " " + path) {
                case "GET /_sim/info", "GET /_sim" , "GET /_sim/" -> control.info();
                case "POST /_sim/reset" -> reset(body);
                case "GET /_sim/clock" -> clock();
                case "POST /_sim/clock" -> setClock(body);
                case "POST /_sim/consent" -> consent(body);
                case "GET /_sim/faults" -> Map.of("faults", control.sim().faults().describe());
                case "POST /_sim/faults" -> addFault(body);
                case "DELETE /_sim/faults" -> {
                    control.clearFaults();
                    yield Map.of("faults", List.of());
                }
                case "POST /_sim/limits" -> limits(body);
                case "POST /_sim/behaviour" -> behaviour(body);
                case "POST /_sim/apps" -> app(body);
                case "GET /_sim/tokens" -> Map.of("tokens", control.tokens());
                case "POST /_sim/tokens/revoke" -> Map.of("revoked", control.revoke(string(body, "accessToken", true)));
                case "GET /_sim/stats" -> control.stats();
                case "DELETE /_sim/stats" -> {
                    control.clearStats();
                    yield control.stats();
                }
                case "GET /_sim/writes" -> control.writes();
                case "DELETE /_sim/writes" -> {
                    control.clearWrites();
                    yield control.writes();
                }
                default -> {
                    if (method.equals("GET") && path.startsWith("/_sim/files/")) {
                        file(res, path.substring("/_sim/files/".length()));
                        yield null;
                    }
                    res.sendError(404);
                    yield null;
                }
            };
            if (out != null) {
                write(res, 200, out);
            }
        } catch (IllegalArgumentException | ClassCastException | DateTimeParseException | ApiException e) {
            write(res, 400, Map.of("error", String.valueOf(e.getMessage())));
        }
    }

    private Object reset(Map<String, Object> body) {
        long seed = body.get("seed") == null ? control.sim().seed() : Long.parseLong(body.get("seed").toString());
        Scale scale = body.get("scale") == null ? control.sim().scale() : Scale.parse(body.get("scale").toString());
        control.reset(seed, scale);
        return control.info();
    }

    private Object clock() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("now", control.now().toString());
        m.put("pinned", control.sim().clock.isPinned());
        return m;
    }

    private Object setClock(Map<String, Object> body) {
        if (body.get("now") != null) {
            control.setNow(Instant.parse(body.get("now").toString()));
        }
        if (body.get("advance") != null) {
            control.advance(Duration.parse(body.get("advance").toString()));
        }
        if (Boolean.TRUE.equals(body.get("release"))) {
            control.releaseClock();
        }
        return clock();
    }

    @SuppressWarnings("unchecked")
    private Object consent(Map<String, Object> body) {
        boolean auto = Boolean.TRUE.equals(body.get("autoApprove"));
        List<String> ids = body.get("advertiserIds") == null ? null : ((List<Object>) body.get("advertiserIds")).stream().map(Object::toString).toList();
        control.consent(auto, ids);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("autoApprove", auto);
        m.put("advertiserIds", ids);
        return m;
    }

    @SuppressWarnings("unchecked")
    private Object addFault(Map<String, Object> body) {
        if (body.get("maintenance") instanceof Map<?, ?> window) {
            control.addMaintenance(Instant.parse(window.get("from").toString()), Instant.parse(window.get("to").toString()));
        } else {
            List<String> ids = body.get("ids") == null ? null : ((List<Object>) body.get("ids")).stream().map(Object::toString).toList();
            control.addFault(new SimulatorControl.Fault(string(body, "path", false), integer(body, "code"), string(body, "message", false),
                    integer(body, "httpStatus"), body.get("rate") == null ? null : ((Number) body.get("rate")).doubleValue(), integer(body, "next"),
                    body.get("latencyMs") == null ? null : ((Number) body.get("latencyMs")).longValue(), (Boolean) body.get("malformed"),
                    (Boolean) body.get("writes"), ids, integer(body, "after"), (Boolean) body.get("afterApply"),
                    string(body, "accessToken", false)));
        }
        return Map.of("faults", control.sim().faults().describe());
    }

    private Object limits(Map<String, Object> body) {
        Integer appQps = integer(body, "appQps");
        Integer pathQps = integer(body, "advertiserPathQps");
        int advertiserPathQps = pathQps == null ? control.sim().limiter.limits().advertiserPathQps() : pathQps;
        control.limits(appQps, advertiserPathQps, integer(body, "qpm"), integer(body, "qpd"));
        if (body.get("queryTooLargeRows") != null) {
            control.behaviour(control.behaviour().withQueryTooLargeRows(integer(body, "queryTooLargeRows")));
        }
        return control.sim().limiter.limits();
    }

    @SuppressWarnings("unchecked")
    private Object behaviour(Map<String, Object> body) {
        Behaviour b = control.behaviour();
        if (body.get("reportLatency") != null) {
            b = b.withReportLatency(Duration.parse(body.get("reportLatency").toString()));
        }
        if (body.get("restatementDays") != null) {
            b = b.withRestatementDays(integer(body, "restatementDays"));
        }
        if (body.get("emptyTotalPage") != null) {
            b = b.withEmptyTotalPage(integer(body, "emptyTotalPage"));
        }
        if (body.get("defaultBuyingTypes") != null) {
            b = b.withDefaultBuyingTypes(((List<Object>) body.get("defaultBuyingTypes")).stream().map(Object::toString).toList());
        }
        if (body.get("authCodeTtl") != null) {
            b = b.withAuthCodeTtl(Duration.parse(body.get("authCodeTtl").toString()));
        }
        if (body.get("strictTrailingSlash") != null) {
            b = b.withStrictTrailingSlash(Boolean.TRUE.equals(body.get("strictTrailingSlash")));
        }
        if (body.get("queryTooLargeRows") != null) {
            b = b.withQueryTooLargeRows(integer(body, "queryTooLargeRows"));
        }
        if (body.get("asyncPollsToComplete") != null) {
            b = b.withAsyncPollsToComplete(integer(body, "asyncPollsToComplete"));
        }
        if (body.get("callbackAlsoCode") != null) {
            b = b.withCallbackAlsoCode(Boolean.TRUE.equals(body.get("callbackAlsoCode")));
        }
        if (body.get("maxIdsPerWrite") != null) {
            b = b.withMaxIdsPerWrite(integer(body, "maxIdsPerWrite"));
        }
        if (body.get("acceptQueryAccessToken") != null) {
            b = b.withAcceptQueryAccessToken(Boolean.TRUE.equals(body.get("acceptQueryAccessToken")));
        }
        if (body.get("sandbox") != null) {
            b = b.withSandbox(Boolean.TRUE.equals(body.get("sandbox")));
        }
        if (body.get("smartPlusShareWithoutModifyTime") != null) {
            b = b.withSmartPlusShareWithoutModifyTime(((Number) body.get("smartPlusShareWithoutModifyTime")).doubleValue());
        }
        control.behaviour(b);
        return b;
    }

    @SuppressWarnings("unchecked")
    private Object app(Map<String, Object> body) {
        List<String> uris = body.get("redirectUris") == null ? List.of() : ((List<Object>) body.get("redirectUris")).stream().map(Object::toString).toList();
        List<Integer> scopes = body.get("scopes") == null ? SimApp.ALL_SCOPES
                : ((List<Object>) body.get("scopes")).stream().map(o -> ((Number) o).intValue()).toList();
        Integer qps = integer(body, "qps");
        SimApp app = new SimApp(string(body, "appId", true), string(body, "secret", true), uris, qps == null ? 10 : qps, scopes);
        control.registerApp(app);
        return app;
    }

    private void file(HttpServletResponse res, String name) throws IOException {
        String id = name.replaceAll("\\..*$", "");
        ReportTasks.Task task = control.sim().tasks.get(id);
        if (task == null || !task.status().equals("SUCCESS")) {
            res.sendError(404);
            return;
        }
        byte[] csv = ReportEndpoints.csv(control.sim(), control.sim().world(), task, control.sim().world().now()).getBytes(StandardCharsets.UTF_8);
        res.setStatus(200);
        res.setContentType("text/csv;charset=UTF-8");
        res.setHeader("Content-Disposition", "attachment; filename=\"" + task.fileName + ".csv\"");
        res.getOutputStream().write(csv);
    }

    private static String string(Map<String, Object> body, String key, boolean required) {
        Object v = body.get(key);
        if (v == null && required) {
            throw new IllegalArgumentException(key + " is required");
        }
        return v == null ? null : v.toString();
    }

    private static Integer integer(Map<String, Object> body, String key) {
        Object v = body.get(key);
        return v == null ? null : v instanceof Number n ? n.intValue() : Integer.valueOf(v.toString());
    }

    private static Map<String, Object> body(HttpServletRequest req) throws IOException {
        String text = new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return text.isEmpty() ? Map.of() : Json.parseObject(text);
    }

    private static void write(HttpServletResponse res, int status, Object body) throws IOException {
        byte[] bytes = Json.bytes(body);
        res.setStatus(status);
        res.setContentType("application/json");
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }
}
