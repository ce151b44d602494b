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
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The organization data page ({@code /organizations/{orgId}/data}): linked from the organization settings for owners
 * only; an owner starts an export with the form (a repeat of the same form starts nothing new), follows its state
 * and downloads the ZIP; admins and members get 403 as from the API, other organizations' owners 404.
 */
class OrganizationDataPageIT extends IntegrationTest {

    private static final Pattern EXPORT_ID = Pattern.compile("id=\"export-([0-9a-f-]{36})\"");

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    Tenants tenants;
    User owner;
    String orgId;

    @BeforeEach
    void setUp() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("org-data-owner");
        orgId = tenants.createOrganization(owner, "Org Data Agency " + UUID.randomUUID());
    }

    @Test
    void theOwnerStartsAnExportFromThePageSeesItAndDownloadsIt() {
        assertThat(owner.api().get("/organizations/" + orgId).body()).contains("id=\"organization-data\"")
                .contains("/organizations/" + orgId + "/data\"");
        ApiClient.Response empty = expect(owner.api().get("/organizations/" + orgId + "/data"), 200);
        assertThat(empty.body()).contains("Organization data").contains("id=\"no-exports\"")
                .doesNotContain("id=\"export-list\"");
        String key = hiddenKey(empty.body());

        ApiClient.Response started = owner.api().postForm("/organizations/" + orgId + "/data/exports",
                "idempotencyKey=" + key, true);
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.header("Location").orElseThrow()).endsWith("/organizations/" + orgId + "/data");
        // the same form sent twice (a double click, a reload of the POST) starts one export
        assertThat(owner.api().postForm("/organizations/" + orgId + "/data/exports", "idempotencyKey=" + key, true)
                .status()).isEqualTo(302);
        String page = expect(owner.api().get("/organizations/" + orgId + "/data"), 200).body();
        List<String> ids = EXPORT_ID.matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(ids).hasSize(1);
        String id = ids.get(0);
        assertThat(page).doesNotContain("id=\"no-exports\"").contains("data-local=\"datetime\"")
                .containsAnyOf("Waiting to start", "Collecting", "Ready");

        String[] status = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
            ApiClient.Response fragment = owner.api().get("/organizations/" + orgId + "/data/exports/" + id);
            assertThat(fragment.status()).isEqualTo(200);
            status[0] = fragment.body();
            assertThat(status[0]).doesNotContain("Failed");
            return status[0].contains("Ready");
        });
        String download = "/organizations/" + orgId + "/data/exports/" + id + "/download";
        assertThat(status[0]).contains("href=\"" + download + "\"").doesNotContain("hx-get");
        HttpResponse<byte[]> zip = PrivacyTestSupport.getBytes(port, owner.api(), download);
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
        Map<String, String> files = PrivacyTestSupport.unzip(zip.body());
        assertThat(files).containsKeys("data.json", "members.csv", "organization.csv");
        assertThat(files.get("members.csv")).contains(owner.email());
        // the API answers for the same export; it is no personal export
        expect(owner.api().get("/api/v1/organizations/" + orgId + "/exports/" + id), 200);
        assertThat(owner.api().get("/account/data").body()).doesNotContain(id);
    }

    @Test
    void adminsAndMembersSeeNoLinkAndGet403AsFromTheApiOtherOwners404() {
        ApiClient.Response started = expect(owner.api().post("/api/v1/organizations/" + orgId + "/exports", null), 202);
        String id = started.json().get("id").asString();
        PrivacyTestSupport.awaitReady(owner.api(), "/api/v1/organizations/" + orgId + "/exports/" + id);
        User admin = tenants.member(owner, orgId, "org-data-admin", "ADMIN", List.of());
        User member = tenants.member(owner, orgId, "org-data-member", "MEMBER", List.of());
        User outsider = tenants.verifiedUser("org-data-outsider");
        tenants.createOrganization(outsider, "Elsewhere " + UUID.randomUUID());

        for (User notOwner : List.of(admin, member)) {
            assertThat(notOwner.api().get("/organizations/" + orgId).body()).doesNotContain("organization-data")
                    .doesNotContain("/organizations/" + orgId + "/data\"");
            assertThat(notOwner.api().get("/organizations/" + orgId + "/data").status()).isEqualTo(403);
            assertThat(notOwner.api().postForm("/organizations/" + orgId + "/data/exports", "idempotencyKey=x", true)
                    .status()).isEqualTo(403);
            assertThat(notOwner.api().get("/organizations/" + orgId + "/data/exports/" + id).status()).isEqualTo(403);
            assertThat(PrivacyTestSupport.getBytes(port, notOwner.api(),
                    "/organizations/" + orgId + "/data/exports/" + id + "/download").statusCode()).isEqualTo(403);
            expect(notOwner.api().post("/api/v1/organizations/" + orgId + "/exports", null), 403);
        }
        assertThat(outsider.api().get("/organizations/" + orgId + "/data").status()).isEqualTo(404);
        assertThat(PrivacyTestSupport.getBytes(port, outsider.api(),
                "/organizations/" + orgId + "/data/exports/" + id + "/download").statusCode()).isEqualTo(404);
        // the owner's page lists the export started through the API, ready to download
        assertThat(owner.api().get("/organizations/" + orgId + "/data").body()).contains("id=\"export-" + id + "\"")
                .contains("/organizations/" + orgId + "/data/exports/" + id + "/download");
    }

    @Test
    void aTamperedFormIsRefusedInWords() {
        ApiClient.Response refused = owner.api().postForm("/organizations/" + orgId + "/data/exports",
                "idempotencyKey=" + "k".repeat(300), true);
        assertThat(refused.status()).isEqualTo(302);
        String page = owner.api().get("/organizations/" + orgId + "/data").body();
        assertThat(page).contains("role=\"alert\"").contains("nothing was started").contains("id=\"no-exports\"");
    }

    private static String hiddenKey(String page) {
        Matcher matcher = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(page);
        assertThat(matcher.find()).as("the form's idempotency key").isTrue();
        return matcher.group(1);
    }
}
