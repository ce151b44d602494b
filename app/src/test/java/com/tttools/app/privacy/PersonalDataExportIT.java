package com.tttools.app.privacy;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import com.tttools.app.support.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The personal data export, driven by {@link PersonalDataInventory}: a user with data in every inventoried place
 * exports; every exported inventory entry appears with a value, the secrets never do (searched in every file of
 * the ZIP), nor the personal data of the colleague who invited them; only the owner sees or downloads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataExportIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    Tenants tenants;
    User alice;
    User bob;
    String aliceName;
    String bobName;
    String patSecret;
    String orgB;

    @BeforeAll
    void aliceHasDataEverywhere() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        alice = tenants.verifiedUser("export-alice");
        bob = tenants.verifiedUser("export-bob");
        aliceName = alice.api().get("/api/v1/me").json().get("name").asString();
        bobName = bob.api().get("/api/v1/me").json().get("name").asString();
        String orgA = tenants.createOrganization(alice, "Alice Agency " + UUID.randomUUID());
        String wsA = tenants.createWorkspace(alice, orgA, "Alice Brand");
        expect(alice.api().post("/api/v1/workspaces/" + wsA + "/report-views", Map.of("name", "Alice private view",
                "visibility", "PRIVATE", "query", Map.of("level", "CAMPAIGN", "from", "2026-01-01", "to", "2026-01-31"))), 201);
        patSecret = expect(alice.api().post("/api/v1/me/tokens", Map.of("name", "Alice script")), 201).json()
                .get("token").asString();
        expect(new ApiClient(port).bearer(patSecret).get("/api/v1/me"), 200);   // sets last_used_ip
        expect(alice.api().post("/api/v1/me/email", Map.of("email", Users.uniqueEmail("alice-new"),
                "currentPassword", Users.PASSWORD)), 202);
        orgB = tenants.createOrganization(bob, "Bob Studio " + UUID.randomUUID());
        tenants.invite(bob, orgB, alice.email(), "MEMBER", List.of());
    }

    @Test
    void theZipHoldsEveryInventoriedEntryAndNoSecret() {
        String id = expect(alice.api().post("/api/v1/me/exports", null), 202).json().get("id").asString();
        JsonNode status = PrivacyTestSupport.awaitReady(alice.api(), "/api/v1/me/exports/" + id);
        assertThat(status.get("progress").asInt()).isEqualTo(100);
        assertThat(status.get("expiresAt").asString()).isNotBlank();
        String downloadUrl = status.get("downloadUrl").asString();
        HttpResponse<byte[]> download = PrivacyTestSupport.getBytes(port, alice.api(), downloadUrl);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");

        Map<String, String> files = PrivacyTestSupport.unzip(download.body());
        assertThat(files).containsKeys("data.json", "README.txt");
        for (String section : PersonalDataInventory.SECTIONS) {
            assertThat(files).containsKey(section + ".csv");
        }
        JsonNode data = ApiClient.JSON.readTree(files.get("data.json"));
        JsonNode sections = data.get("sections");
        List<String> missing = new ArrayList<>();
        for (PersonalDataInventory.Column column : PersonalDataInventory.COLUMNS) {
            if (!column.exported()) {
                continue;
            }
            boolean present = false;
            for (JsonNode row : sections.get(column.section())) {
                JsonNode value = row.get(column.field());
                present |= value != null && !value.isNull() && !value.asString().isBlank();
            }
            if (!present) {
                missing.add(column.table() + "." + column.column() + " -> " + column.section() + "." + column.field());
            }
            assertThat(files.get(column.section() + ".csv").lines().findFirst().orElse(""))
                    .as("CSV header of " + column.section()).contains(column.field());
        }
        assertThat(missing).as("inventory entries without a value in Alice's export").isEmpty();
        assertThat(sections.get("profile").get(0).get("email").asString()).isEqualTo(alice.email());
        assertThat(sections.get("profile").get(0).get("name").asString()).isEqualTo(aliceName);
        assertThat(sections.get("invitations").toString()).contains(alice.email());
        assertThat(sections.get("personal_access_tokens").toString()).contains("Alice script");
        assertThat(sections.get("saved_views").toString()).contains("Alice private view");
        assertThat(sections.get("organization_memberships").toString()).contains("Alice Agency");

        String everything = String.join("\n", files.values()) + new String(download.body(), StandardCharsets.ISO_8859_1);
        for (String secret : secretsOf(alice)) {
            assertThat(everything).as("a secret in the export").doesNotContain(secret);
        }
        assertThat(everything).as("the inviter's personal data").doesNotContain(bob.email(), bobName, bob.id());
    }

    @Test
    void theInlineExportHasTheSameSections() {
        JsonNode data = expect(alice.api().get("/api/v1/me/export"), 200).json();
        assertThat(data.get("format").asString()).isEqualTo(PersonalDataExport.USER_FORMAT);
        List<String> names = new ArrayList<>(data.get("sections").propertyNames());
        assertThat(names).containsExactlyElementsOf(PersonalDataInventory.SECTIONS);
        String body = data.toString();
        for (String secret : secretsOf(alice)) {
            assertThat(body).doesNotContain(secret);
        }
    }

    @Test
    void anotherUserGets404ForTheStatusAndTheDownload() {
        String id = expect(alice.api().post("/api/v1/me/exports", null), 202).json().get("id").asString();
        PrivacyTestSupport.awaitReady(alice.api(), "/api/v1/me/exports/" + id);
        expect(bob.api().get("/api/v1/me/exports/" + id), 404);
        assertThat(PrivacyTestSupport.getBytes(port, bob.api(), "/api/v1/me/exports/" + id + "/download").statusCode())
                .isEqualTo(404);
        assertThat(PrivacyTestSupport.getBytes(port, bob.api(), "/account/data/exports/" + id + "/download").statusCode())
                .isEqualTo(404);
        assertThat(PrivacyTestSupport.getBytes(port, alice.api(), "/api/v1/me/exports/" + id + "/download").statusCode())
                .isEqualTo(200);
        expect(alice.api().get("/api/v1/me/exports/not-an-id"), 404);
    }

    @Test
    void theSameIdempotencyKeyReturnsTheSameExport() {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = PrivacyTestSupport.postWithKey(port, patSecret, "/api/v1/me/exports", key);
        HttpResponse<String> again = PrivacyTestSupport.postWithKey(port, patSecret, "/api/v1/me/exports", key);
        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        String firstId = ApiClient.JSON.readTree(first.body()).get("id").asString();
        assertThat(ApiClient.JSON.readTree(again.body()).get("id").asString()).isEqualTo(firstId);
        String other = ApiClient.JSON.readTree(PrivacyTestSupport.postWithKey(port, patSecret, "/api/v1/me/exports",
                UUID.randomUUID().toString()).body()).get("id").asString();
        PrivacyTestSupport.awaitReady(alice.api(), "/api/v1/me/exports/" + other);
    }

    @Test
    void aDownloadExpiresAfterItsWindow() {
        String id = expect(alice.api().post("/api/v1/me/exports", null), 202).json().get("id").asString();
        PrivacyTestSupport.awaitReady(alice.api(), "/api/v1/me/exports/" + id);
        jdbc.sql("UPDATE privacy_exports SET expires_at = now() - interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(id)).update();
        assertThat(alice.api().get("/api/v1/me/exports/" + id).json().get("status").asString()).isEqualTo("EXPIRED");
        assertThat(PrivacyTestSupport.getBytes(port, alice.api(), "/api/v1/me/exports/" + id + "/download").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anOrganizationOwnerExportsTheOrganization() {
        User member = tenants.member(bob, orgB, "export-member", "ADMIN", List.of());
        String id = expect(bob.api().post("/api/v1/organizations/" + orgB + "/exports", null), 202).json().get("id")
                .asString();
        JsonNode status = PrivacyTestSupport.awaitReady(bob.api(), "/api/v1/organizations/" + orgB + "/exports/" + id);
        Map<String, String> files = PrivacyTestSupport.unzip(
                PrivacyTestSupport.getBytes(port, bob.api(), status.get("downloadUrl").asString()).body());
        assertThat(files).containsKeys("data.json", "members.csv", "workspaces.csv", "audit_log.csv", "organization.csv");
        assertThat(files.get("members.csv")).contains(member.email());
        assertThat(files.get("audit_log.csv")).contains("organization.created");
        expect(member.api().post("/api/v1/organizations/" + orgB + "/exports", null), 403);
        expect(member.api().get("/api/v1/organizations/" + orgB + "/exports/" + id), 403);
        expect(alice.api().get("/api/v1/organizations/" + orgB + "/exports/" + id), 404);
        // an organization export is not a personal one
        expect(bob.api().get("/api/v1/me/exports/" + id), 404);
    }

    /** The password hash, the access token (and its hash in hex and base64), the session ids. */
    private List<String> secretsOf(User user) {
        UUID id = UUID.fromString(user.id());
        List<String> secrets = new ArrayList<>();
        secrets.add(jdbc.sql("SELECT password_hash FROM users WHERE id = :id").param("id", id).query(String.class).single());
        secrets.add(patSecret);
        secrets.add(patSecret.substring(8));
        for (byte[] hash : jdbc.sql("SELECT token_hash FROM personal_access_tokens WHERE user_id = :id").param("id", id)
                .query(byte[].class).list()) {
            secrets.add(HexFormat.of().formatHex(hash));
            secrets.add(Base64.getEncoder().encodeToString(hash));
            secrets.add(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
        }
        List<String> sessions = jdbc.sql("SELECT session_id FROM spring_session WHERE principal_name = :id")
                .param("id", user.id()).query(String.class).list();
        assertThat(sessions).as("Alice is signed in").isNotEmpty();
        secrets.addAll(sessions);
        secrets.add(user.api().sessionCookie());
        return secrets;
    }
}
