package com.tttools.app.privacy.retention;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** {@code GET/PUT /api/v1/organizations/{orgId}/retention} as an organization admin would use it. */
class RetentionApiIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    Tenants tenants;
    User owner;
    String orgId;
    String path;

    @BeforeEach
    void setUp() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("retention-owner");
        orgId = tenants.createOrganization(owner, "Retention Agency");
        path = "/api/v1/organizations/" + orgId + "/retention";
    }

    @Test
    void getListsEveryDataClassWithItsDaysAndBounds() {
        JsonNode classes = expect(owner.api().get(path), 200).json().get("classes");

        assertThat(codes(classes)).containsExactly("accounts", "tiktok_tokens", "report_facts", "saved_views_exports",
                "audit_events", "security_events", "sessions", "jobs", "email_tokens", "invitations",
                "disconnected_connection_data");
        assertThat(bounds(classes, "report_facts")).containsExactly(761, 91, 3652);
        assertThat(bounds(classes, "audit_events")).containsExactly(365, 90, 3650);
        assertThat(bounds(classes, "security_events")).containsExactly(90, 90, 90);
        assertThat(bounds(classes, "jobs")).containsExactly(90, 90, 90);
        assertThat(bounds(classes, "invitations")).containsExactly(30, 30, 30);
        assertThat(find(classes, "accounts").get("days").isNull()).isTrue();
        assertThat(find(classes, "report_facts").get("configurable").asBoolean()).isTrue();
        assertThat(find(classes, "jobs").get("configurable").asBoolean()).isFalse();
    }

    @Test
    void putChangesTheConfigurableClassesAndRecordsEachChange() {
        JsonNode classes = expect(owner.api().put(path, Map.of("classes", List.of(
                Map.of("dataClass", "report_facts", "days", 400),
                Map.of("dataClass", "audit_events", "days", 120)))), 200).json().get("classes");

        assertThat(find(classes, "report_facts").get("days").asInt()).isEqualTo(400);
        assertThat(find(classes, "audit_events").get("days").asInt()).isEqualTo(120);
        JsonNode again = owner.api().get(path).json().get("classes");
        assertThat(find(again, "report_facts").get("days").asInt()).isEqualTo(400);
        assertThat(find(again, "audit_events").get("days").asInt()).isEqualTo(120);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                        SELECT action || ' ' || details::text FROM audit_events
                        WHERE organization_id = :org AND action LIKE '%retention_changed' ORDER BY seq""")
                .param("org", UUID.fromString(orgId)).query(String.class).list())
                .hasSize(2)
                .anySatisfy(row -> assertThat(row).startsWith("audit.retention_changed").contains("365").contains("120"))
                .anySatisfy(row -> assertThat(row).startsWith("privacy.retention_changed").contains("report_facts")
                        .contains("761").contains("400")));
    }

    @Test
    void theListFromGetCanBePutBackUnchanged() {
        JsonNode classes = owner.api().get(path).json().get("classes");
        List<Map<String, Object>> body = new ArrayList<>();
        for (JsonNode c : classes) {
            Map<String, Object> entry = new java.util.HashMap<>();
            entry.put("dataClass", c.get("dataClass").asString());
            entry.put("days", c.get("days").isNull() ? null : c.get("days").asInt());
            body.add(entry);
        }

        ApiClient.Response response = owner.api().put(path, Map.of("classes", body));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("classes").toString()).isEqualTo(classes.toString());
    }

    @Test
    void daysOutsideTheBoundsAre422AndNothingChanges() {
        for (Map<String, Object> wrong : List.of(Map.<String, Object>of("dataClass", "report_facts", "days", 90),
                Map.<String, Object>of("dataClass", "report_facts", "days", 3653),
                Map.<String, Object>of("dataClass", "audit_events", "days", 89),
                Map.<String, Object>of("dataClass", "audit_events", "days", 3651))) {
            ApiClient.Response response = owner.api().put(path, Map.of("classes", List.of(
                    Map.of("dataClass", "jobs", "days", 90), wrong)));

            assertThat(response.status()).as("%s", wrong).isEqualTo(422);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("classes[1].days");
            assertThat(response.json().get("errors").get(0).get("message").asString()).contains("between");
        }
        // a valid change next to an invalid one is not applied either
        assertThat(owner.api().put(path, Map.of("classes", List.of(Map.of("dataClass", "report_facts", "days", 100),
                Map.of("dataClass", "audit_events", "days", 10)))).status()).isEqualTo(422);
        JsonNode classes = owner.api().get(path).json().get("classes");
        assertThat(find(classes, "report_facts").get("days").asInt()).isEqualTo(761);
        assertThat(find(classes, "audit_events").get("days").asInt()).isEqualTo(365);
    }

    @Test
    void fixedAndUnknownClassesCannotBeChanged() {
        assertThat(field(owner.api().put(path, Map.of("classes", List.of(Map.of("dataClass", "jobs", "days", 30))))))
                .isEqualTo("classes[0].days");
        assertThat(field(owner.api().put(path, Map.of("classes", List.of(Map.of("dataClass", "accounts", "days", 30))))))
                .isEqualTo("classes[0].days");
        assertThat(field(owner.api().put(path, Map.of("classes", List.of(Map.of("dataClass", "cookies", "days", 30))))))
                .isEqualTo("classes[0].dataClass");
        assertThat(field(owner.api().put(path, Map.of("classes", List.of())))).isEqualTo("classes");
    }

    @Test
    void aMemberWhoIsNotAnAdminGets403AndAnOutsider404() {
        User member = tenants.member(owner, orgId, "retention-member", "MEMBER", List.of());
        User admin = tenants.member(owner, orgId, "retention-admin", "ADMIN", List.of());
        User outsider = tenants.verifiedUser("retention-outsider");
        Map<String, Object> body = Map.of("classes", List.of(Map.of("dataClass", "report_facts", "days", 200)));

        assertThat(member.api().get(path).status()).isEqualTo(403);
        assertThat(member.api().put(path, body).status()).isEqualTo(403);
        assertThat(outsider.api().get(path).status()).isEqualTo(404);
        assertThat(outsider.api().put(path, body).status()).isEqualTo(404);
        assertThat(admin.api().put(path, body).status()).isEqualTo(200);
        assertThat(find(owner.api().get(path).json().get("classes"), "report_facts").get("days").asInt()).isEqualTo(200);
    }

    private static List<String> codes(JsonNode classes) {
        List<String> codes = new ArrayList<>();
        classes.forEach(c -> codes.add(c.get("dataClass").asString()));
        return codes;
    }

    private static JsonNode find(JsonNode classes, String code) {
        for (JsonNode c : classes) {
            if (c.get("dataClass").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no class " + code);
    }

    private static List<Integer> bounds(JsonNode classes, String code) {
        JsonNode c = find(classes, code);
        return List.of(c.get("days").asInt(), c.get("minDays").asInt(), c.get("maxDays").asInt());
    }

    private static String field(ApiClient.Response response) {
        assertThat(response.status()).isEqualTo(422);
        return response.json().get("errors").get(0).get("field").asString();
    }
}
