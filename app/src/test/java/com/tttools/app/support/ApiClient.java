package com.tttools.app.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON API caller with its own cookie jar, like one browser: it fetches the CSRF token the way a web client
 * does ({@code GET /api/v1/auth/csrf}) and sends it on unsafe requests. Or, with {@link #bearer}, a script
 * using a personal access token.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String bearer;
    private String ip;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public ApiClient bearer(String token) {
        this.bearer = token;
        return this;
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }
    }

    public Response get(String path) {
        return send(request(path).GET(), false);
    }

    /** A GET with extra headers (name, value, name, value...). */
    public Response get(String path, String... headers) {
        return send(request(path).GET().headers(headers), false);
    }

    public Response post(String path, Object body) {
        return send(request(path).POST(bodyOf(body)).header("Content-Type", "application/json"), true);
    }

    /** A JSON POST with extra headers (e.g. {@code Idempotency-Key}). */
    public Response post(String path, Object body, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).POST(bodyOf(body)).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder, true);
    }

    public Response postRaw(String path, String body) {
        SuiteLog.secretsIn(body);
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json"), true);
    }

    /**
     * A page form post ({@code application/x-www-form-urlencoded}) with this client's cookies, the CSRF header
     * when {@code withCsrf}, and any extra headers.
     */
    public Response postForm(String path, String form, boolean withCsrf, String... headers) {
        for (String field : form.split("&")) {
            String[] pair = field.split("=", 2);
            if (pair.length == 2 && pair[0].toLowerCase(java.util.Locale.ROOT).contains("password")) {
                SuiteLog.secret(java.net.URLDecoder.decode(pair[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        HttpRequest.Builder builder = request(path).POST(HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html");
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder, withCsrf);
    }

    public Response postWithoutCsrf(String path, Object body) {
        return send(request(path).POST(bodyOf(body)).header("Content-Type", "application/json"), false);
    }

    public Response patch(String path, Object body) {
        return send(request(path).method("PATCH", bodyOf(body)).header("Content-Type", "application/json"), true);
    }

    public Response put(String path, Object body) {
        return send(request(path).PUT(bodyOf(body)).header("Content-Type", "application/json"), true);
    }

    /** Any method with a raw JSON body (or none when null); unsafe methods carry the CSRF token. */
    public Response send(String method, String path, String json) {
        SuiteLog.secretsIn(json);
        HttpRequest.Builder builder = request(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder, !method.equals("GET") && !method.equals("HEAD"));
    }

    /**
     * Any method with a raw JSON body (or none) and headers (name, value, ...) that replace the defaults. An
     * {@code X-XSRF-TOKEN} among them replaces this client's own token; an empty one sends none.
     */
    public Response send(String method, String path, String json, String... headers) {
        SuiteLog.secretsIn(json);
        HttpRequest.Builder builder = request(path).method(method, json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        boolean ownToken = !method.equals("GET") && !method.equals("HEAD");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("X-XSRF-TOKEN")) {
                ownToken = false;
                if (headers[i + 1].isEmpty()) {
                    continue;
                }
            }
            builder.setHeader(headers[i], headers[i + 1]);
        }
        return send(builder, ownToken);
    }

    public Response delete(String path) {
        return send(request(path).DELETE(), true);
    }

    public Response delete(String path, Object body) {
        return send(request(path).method("DELETE", bodyOf(body)).header("Content-Type", "application/json"), true);
    }

    /** The session cookie's value, or null. */
    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().endsWith("SESSION")).map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Replaces this client's cookies with a copied session cookie (to replay it). */
    public ApiClient withSessionCookie(String value) {
        cookies.getCookieStore().removeAll();
        HttpCookie cookie = new HttpCookie("SESSION", value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
        return this;
    }

    public String csrfToken() {
        Response response = send(request("/api/v1/auth/csrf").GET(), false);
        return response.json().get("token").asString();
    }

    private HttpRequest.Builder request(String path) {
        SuiteLog.secretsInQuery(path);
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder, boolean withCsrf) {
        if (withCsrf && bearer == null) {
            builder.header("X-XSRF-TOKEN", csrfToken());
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            recordSecrets(response);
            return new Response(response.statusCode(), response.body(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher bodyOf(Object body) {
        if (body == null) {
            return HttpRequest.BodyPublishers.noBody();
        }
        String json = body instanceof String s ? s : JSON.writeValueAsString(body);
        SuiteLog.secretsIn(json);
        return HttpRequest.BodyPublishers.ofString(json);
    }

    /** Cookies, tokens and the bearer of this exchange, for the suite's log hygiene check ({@link SuiteLog}). */
    private void recordSecrets(HttpResponse<String> response) {
        SuiteLog.secret(bearer);
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            String pair = cookie.split(";", 2)[0];
            SuiteLog.secret(pair.substring(pair.indexOf('=') + 1));
        });
        response.request().headers().firstValue("X-XSRF-TOKEN").ifPresent(SuiteLog::secret);
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (type.contains("json")) {
            SuiteLog.secretsIn(response.body());
        }
    }
}
