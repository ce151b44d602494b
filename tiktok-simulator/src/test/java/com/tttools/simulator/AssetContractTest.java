package com.tttools.simulator;

import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Reference section 4: business centers, advertisers, pixels, catalogs, audiences, identities. */
class AssetContractTest {

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();

    @Test
    void businessCentersCarryBcInfoAndHonourTheirPageSizeMaximum() {
        JsonNode data = sim.get("/bc/get/", token, params("page_size", "50")).get("data");
        assertThat(data.get("list").size()).isEqualTo(2);
        JsonNode bc = data.get("list").get(0);
        assertThat(bc.get("bc_info").propertyNames()).contains("bc_id", "name", "company", "currency", "registered_area", "status", "timezone", "type");
        assertThat(bc.get("user_role").asString()).isEqualTo("ADMIN");
        assertThat(bc.get("ext_user_role").get("finance_role").asString()).isEqualTo("MANAGER");
        assertThat(data.get("page_info").propertyNames()).containsExactly("page", "page_size", "total_number", "total_page");
        JsonNode tooBig = sim.get("/bc/get/", token, params("page_size", "51"));
        assertThat(tooBig.get("code").asInt()).isEqualTo(40002);
        assertThat(tooBig.get("message").asString()).contains("page_size");

        String bcId = bc.get("bc_info").get("bc_id").asString();
        JsonNode assets = sim.get("/bc/asset/get/", token, params("bc_id", bcId, "asset_type", "ADVERTISER", "page_size", "50")).get("data");
        assertThat(assets.get("list").get(0).get("asset_type").asString()).isEqualTo("ADVERTISER");
        assertThat(assets.get("list").get(0).get("relation_status").asString()).isEqualTo("BOUND");
        assertThat(assets.get("list").get(0).get("advertiser_role").asString()).isEqualTo("ADMIN");

        JsonNode catalogs = sim.get("/catalog/get/", token, params("bc_id", bcId)).get("data");
        assertThat(catalogs.get("list").get(0).propertyNames()).contains("catalog_id", "catalog_name", "catalog_type", "catalog_conf", "bc_info");
        assertThat(sim.get("/catalog/get/", token, Map.of()).get("code").asInt()).isEqualTo(40002);
        assertThat(sim.get("/catalog/get/", token, params("bc_id", "123")).get("code").asInt()).isEqualTo(40001);
    }

    @Test
    void advertiserInfoTakesAJsonArrayAndReturnsVariedCurrenciesAndTimezones() {
        JsonNode list = sim.get("/advertiser/info/", token, params("advertiser_ids", "[\"" + String.join("\", \"", sim.control.advertiserIds()) + "\"]"))
                .get("data").get("list");
        assertThat(list.size()).isEqualTo(6);
        Set<String> currencies = new HashSet<>();
        Set<String> zones = new HashSet<>();
        for (JsonNode a : list) {
            currencies.add(a.get("currency").asString());
            zones.add(a.get("timezone").asString());
            assertThat(a.get("advertiser_id").isString()).isTrue();
            assertThat(a.get("create_time").isIntegralNumber()).isTrue();
        }
        assertThat(currencies).contains("USD", "JPY", "KRW");
        assertThat(zones).contains("America/Los_Angeles", "Asia/Tokyo", "Australia/Sydney");

        JsonNode projected = sim.get("/advertiser/info/", token, params("advertiser_ids", "[\"" + sim.advertiser(0) + "\"]",
                "fields", "[\"name\",\"currency\"]")).get("data").get("list").get(0);
        assertThat(projected.propertyNames()).containsExactly("name", "currency");
        assertThat(sim.get("/advertiser/info/", token, params("advertiser_ids", "not json")).get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void pixelsComeUnderPixelsWithAMaximumPageSizeOf20() {
        JsonNode data = sim.get("/pixel/list/", token, params("advertiser_id", sim.advertiser(0), "page_size", "20")).get("data");
        assertThat(data.propertyNames()).containsExactly("pixels", "page_info");
        JsonNode pixel = data.get("pixels").get(0);
        assertThat(pixel.propertyNames()).contains("pixel_id", "pixel_code", "pixel_name", "events");
        assertThat(pixel.get("events").get(0).propertyNames()).contains("event_id", "name", "custom_event_type", "event_type");
        assertThat(sim.get("/pixel/list/", token, params("advertiser_id", sim.advertiser(0), "page_size", "21")).get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void identitiesComeUnderIdentityListWithDefaultPageSize20() {
        JsonNode data = sim.get("/identity/get/", token, params("advertiser_id", sim.advertiser(0))).get("data");
        assertThat(data.propertyNames()).containsExactly("identity_list", "page_info");
        assertThat(data.get("page_info").get("page_size").asInt()).isEqualTo(20);
        assertThat(data.get("identity_list").get(0).propertyNames()).contains("identity_id", "identity_type", "display_name", "available_status");
        assertThat(sim.get("/identity/get/", token, params("advertiser_id", sim.advertiser(0), "page_size", "101")).get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void audiencesPageUpTo100AndFilterByIds() {
        JsonNode data = sim.get("/dmp/custom_audience/list/", token, params("advertiser_id", sim.advertiser(1), "page_size", "100")).get("data");
        JsonNode first = data.get("list").get(0);
        assertThat(first.propertyNames()).contains("audience_id", "name", "audience_type", "cover_num", "is_valid", "create_time", "expired_time");
        JsonNode one = sim.get("/dmp/custom_audience/list/", token, params("advertiser_id", sim.advertiser(1),
                "custom_audience_ids", "[\"" + first.get("audience_id").asString() + "\"]")).get("data");
        assertThat(one.get("page_info").get("total_number").asInt()).isEqualTo(1);
        assertThat(sim.get("/dmp/custom_audience/list/", token, params("advertiser_id", sim.advertiser(1), "page_size", "101")).get("code").asInt())
                .isEqualTo(40002);
    }

    @Test
    void anAppWithoutAScopeGetsThePerEndpointPermissionError() {
        sim.control.registerApp(new SimApp("7000000000000000003", "s3", java.util.List.of(), 10, java.util.List.of(1, 2)));
        sim.control("POST", "/_sim/consent", Map.of("autoApprove", true));
        var res = sim.raw(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/portal/auth")
                .param("app_id", "7000000000000000003").param("redirect_uri", "http://localhost/cb"));
        String code = java.net.URI.create(res.getRedirectedUrl()).getQuery().substring(10, 50);
        String limited = sim.post("/oauth2/access_token/", null, Map.of("app_id", "7000000000000000003", "secret", "s3", "auth_code", code))
                .get("data").get("access_token").asString();
        JsonNode denied = sim.get("/pixel/list/", limited, params("advertiser_id", sim.advertiser(0)));
        assertThat(denied.get("code").asInt()).isEqualTo(40001);
        assertThat(denied.get("message").asString()).isEqualTo("advertiser does not grant you /pixel/list/:GET permission");
    }
}
