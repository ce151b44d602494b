package com.tttools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import com.tttools.simulator.core.Json;
import com.tttools.simulator.web.SimulatorController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A simulator behind MockMvc, with helpers speaking TikTok's wire format (JSON-encoded query values). */
final class TestSim {

    static final Instant NOW = Instant.parse("2026-03-18T10:30:00Z");
    static final String APP = SimApp.DEV_APP_ID;
    static final String SECRET = SimApp.DEV_SECRET;
    static final String API = "/open_api/v1.3";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    final SimulatorControl control;
    final MockMvc mvc;

    private TestSim(SimulatorSettings settings) {
        EmbeddedSimulator sim = EmbeddedSimulator.create("", settings);
        control = sim.control();
        // functional tests fire many calls in a burst; the rate-limit tests set real limits explicitly
        control.limits(100_000, 100_000, null, null);
        mvc = MockMvcBuilders.standaloneSetup(new SimulatorController(control)).build();
    }

    /** Small world, seed 42, clock pinned at {@link #NOW}. */
    static TestSim start() {
        return new TestSim(SimulatorSettings.defaults().withNow(NOW));
    }

    static TestSim start(SimulatorSettings settings) {
        return new TestSim(settings);
    }

    static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A JSON body from alternating keys and values (Map.of stops at ten pairs). */
    static Map<String, Object> body(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    MockHttpServletResponse raw(MockHttpServletRequestBuilder request) {
        try {
            return mvc.perform(request).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    MockHttpServletResponse rawGet(String path, String token, Map<String, String> params) {
        MockHttpServletRequestBuilder b = MockMvcRequestBuilders.get(path);
        if (token != null) {
            b.header("Access-Token", token);
        }
        params.forEach(b::param);
        return raw(b);
    }

    JsonNode get(String apiPath, String token, Map<String, String> params) {
        return envelope(rawGet(API + apiPath, token, params));
    }

    JsonNode post(String apiPath, String token, Object body) {
        MockHttpServletRequestBuilder b = MockMvcRequestBuilders.post(API + apiPath).contentType(MediaType.APPLICATION_JSON).content(Json.string(body));
        if (token != null) {
            b.header("Access-Token", token);
        }
        return envelope(raw(b));
    }

    static JsonNode envelope(MockHttpServletResponse res) {
        assertThat(res.getStatus()).isEqualTo(200);
        assertThat(res.getContentType()).startsWith("application/json");
        JsonNode node = parse(res);
        assertThat(node.propertyNames()).containsExactly("code", "message", "request_id", "data");
        assertThat(node.get("request_id").asString()).matches("\\d{14}[0-9A-F]{20}");
        if (node.get("code").asInt() != 0) {
            assertThat(node.get("data").size()).isZero();
        } else {
            assertThat(node.get("message").asString()).isEqualTo("OK");
        }
        return node;
    }

    static JsonNode parse(MockHttpServletResponse res) {
        try {
            return MAPPER.readTree(res.getContentAsString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode control(String method, String path, Object body) {
        MockHttpServletRequestBuilder b = switch (method) {
            case "GET" -> MockMvcRequestBuilders.get(path);
            case "DELETE" -> MockMvcRequestBuilders.delete(path);
            default -> MockMvcRequestBuilders.post(path).contentType(MediaType.APPLICATION_JSON).content(Json.string(body == null ? Map.of() : body));
        };
        MockHttpServletResponse res = raw(b);
        assertThat(res.getStatus()).as(res.getContentAsByteArray().length + " bytes").isEqualTo(200);
        return parse(res);
    }

    /** Runs the advertiser OAuth flow through HTTP with auto-approval and returns the access token. */
    String authorize(List<String> advertiserIds) {
        control("POST", "/_sim/consent", advertiserIds == null ? Map.of("autoApprove", true) : Map.of("autoApprove", true, "advertiserIds", advertiserIds));
        String code = authCode("http://localhost:8080/tiktok/callback", "s1");
        JsonNode token = post("/oauth2/access_token/", null, Map.of("app_id", APP, "secret", SECRET, "auth_code", code));
        assertThat(token.get("code").asInt()).isZero();
        return token.get("data").get("access_token").asString();
    }

    String authorizeAll() {
        return authorize(null);
    }

    /** Follows /portal/auth (auto-approve must be on) and returns the auth_code of the redirect. */
    String authCode(String redirectUri, String state) {
        MockHttpServletResponse res = raw(MockMvcRequestBuilders.get("/portal/auth").param("app_id", APP).param("redirect_uri", redirectUri).param("state", state));
        assertThat(res.getStatus()).isEqualTo(302);
        String location = res.getRedirectedUrl();
        assertThat(location).startsWith(redirectUri + "?auth_code=").endsWith("&state=" + state);
        String query = URI.create(location).getQuery();
        return query.substring("auth_code=".length(), query.indexOf('&'));
    }

    String advertiser(int index) {
        return control.advertiserIds().get(index);
    }
}
