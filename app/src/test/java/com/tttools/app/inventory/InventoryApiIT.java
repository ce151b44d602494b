package com.tttools.app.inventory;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/** The inventory API over one synced workspace: filters, search, sort, cursor paging, drill-down, bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InventoryApiIT extends InventoryTestSupport {

    Tenants tenants;
    User owner;
    User outsider;
    String org;
    String ws;
    String emptyWs;
    String base;
    String jobId;
    List<String> advertisers;

    @BeforeAll
    void syncedWorkspace() {
        tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("inventory-owner");
        org = tenants.createOrganization(owner, "Inventory Org");
        ws = tenants.createWorkspace(owner, org, "Inventory Brand");
        emptyWs = tenants.createWorkspace(owner, org, "Empty Brand");
        outsider = tenants.verifiedUser("inventory-outsider");
        tenants.createWorkspace(outsider, tenants.createOrganization(outsider, "Other Org"), "Other Brand");
        advertisers = advertisers(2);
        JobView job = sync(connect(WorkspaceId.of(ws), advertisers));
        assertThat(job.status()).as(job.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        jobId = job.id();
        base = "/api/v1/workspaces/" + ws;
    }

    private JsonNode get(String path) {
        return expect(owner.api().get(base + path), 200).json();
    }

    private List<JsonNode> walk(String path) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = get(path + (path.contains("?") ? "&" : "?") + "limit=7"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            page.path("items").forEach(all::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asString();
        } while (cursor != null);
        return all;
    }

    @Test
    void cursorPagingVisitsEveryEntityOnceInTheRequestedOrder() {
        long total = get("/ads?limit=1").path("total").asLong();
        assertThat(total).isGreaterThan(20);
        for (String sort : List.of("name", "-name", "updatedAt", "-tiktokId", "status")) {
            List<JsonNode> all = walk("/ads?sort=" + sort);
            Set<String> ids = new HashSet<>();
            all.forEach(item -> ids.add(item.path("id").asString()));
            assertThat(ids).as(sort).hasSize((int) total);
            assertThat(all).hasSize((int) total);
        }
        List<String> names = walk("/campaigns?sort=-name").stream()
                .map(i -> i.path("name").asString().toLowerCase()).toList();
        assertThat(names).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void filtersSearchAndDrillDownFromCampaignToAdGroupsToAds() {
        JsonNode campaigns = get("/campaigns?advertiserId=" + advertisers.get(0) + "&limit=500");
        assertThat(campaigns.path("items").size()).isPositive();
        campaigns.path("items").forEach(c -> assertThat(c.path("advertiserId").asString()).isEqualTo(advertisers.get(0)));
        JsonNode campaign = campaigns.path("items").get(0);
        assertThat(campaign.path("details").has("budget")).isTrue();
        assertThat(campaign.path("details").has("objectiveType")).isTrue();

        String status = campaign.path("status").asString();
        get("/campaigns?status=" + status).path("items")
                .forEach(c -> assertThat(c.path("status").asString()).isEqualTo(status));
        String objective = campaign.path("details").path("objectiveType").asString();
        get("/campaigns?objective=" + objective).path("items")
                .forEach(c -> assertThat(c.path("details").path("objectiveType").asString()).isEqualTo(objective));

        String tiktokId = campaign.path("tiktokId").asString();
        assertThat(get("/campaigns?q=" + tiktokId).path("items")).hasSize(1);
        String word = campaign.path("name").asString().split(" ")[0];
        get("/campaigns?q=" + URLEncoder.encode(word, StandardCharsets.UTF_8)).path("items")
                .forEach(c -> assertThat(c.path("name").asString().toLowerCase()).contains(word.toLowerCase()));

        List<JsonNode> adGroups = walk("/ad-groups?campaignId=" + tiktokId);
        long storedAdGroups = jdbc.sql("SELECT count(*) FROM inventory_entities WHERE workspace_id = :ws AND kind = 'AD_GROUP' AND parent_tiktok_id = :c")
                .param("ws", java.util.UUID.fromString(ws)).param("c", tiktokId).query(Long.class).single();
        assertThat(adGroups).hasSize((int) storedAdGroups);
        for (JsonNode adGroup : adGroups) {
            assertThat(adGroup.path("campaignId").asString()).isEqualTo(tiktokId);
            walk("/ads?adGroupId=" + adGroup.path("tiktokId").asString())
                    .forEach(ad -> assertThat(ad.path("parentId").asString()).isEqualTo(adGroup.path("tiktokId").asString()));
        }
        walk("/ads?campaignId=" + tiktokId).forEach(ad -> assertThat(ad.path("campaignId").asString()).isEqualTo(tiktokId));

        JsonNode detail = get("/campaigns/" + campaign.path("id").asString());
        assertThat(detail.path("fields").path("campaign_id").asString()).isEqualTo(tiktokId);
        assertThat(detail.path("syncedAt").asString()).isNotBlank();
    }

    @Test
    void everyCollectionListsAndAdvertisersCarryCurrencyAndTimezone() {
        for (EntityKind kind : EntityKind.values()) {
            assertThat(get("/" + kind.collection()).path("total").asLong()).as(kind.collection()).isPositive();
        }
        get("/advertisers").path("items").forEach(a -> {
            assertThat(a.path("details").path("currency").asString()).isNotBlank();
            assertThat(a.path("details").path("timezone").asString()).isNotBlank();
        });
        JsonNode empty = expect(owner.api().get("/api/v1/workspaces/" + emptyWs + "/campaigns"), 200).json();
        assertThat(empty.path("items")).isEmpty();
        assertThat(empty.path("total").asLong()).isZero();
    }

    /** The advertiser's balance is the account's money: operators and admins see it, analysts do not (API, pages). */
    @Test
    void anAnalystSeesNoAdvertiserBalanceInTheApiOrThePagesWhileAnOperatorDoes() throws Exception {
        User analyst = tenants.member(owner, org, "inv-analyst", "MEMBER",
                List.of(java.util.Map.of("workspaceId", ws, "role", "ANALYST")));
        User operator = tenants.member(owner, org, "inv-operator", "MEMBER",
                List.of(java.util.Map.of("workspaceId", ws, "role", "OPERATOR")));
        String id = get("/advertisers").path("items").get(0).path("id").asString();

        for (User allowed : List.of(owner, operator)) {
            JsonNode detail = expect(allowed.api().get(base + "/advertisers/" + id), 200).json();
            assertThat(detail.path("fields").has("balance")).as(allowed.email()).isTrue();
            assertThat(detail.path("details").has("balance")).as(allowed.email()).isTrue();
            // the pages label fields in words ("Balance")
            assertThat(page(allowed, "/workspaces/" + ws + "/inventory/advertisers/" + id)).containsIgnoringCase("balance");
        }
        JsonNode detail = expect(analyst.api().get(base + "/advertisers/" + id), 200).json();
        assertThat(detail.path("fields").has("currency")).isTrue();
        assertThat(detail.path("fields").has("balance")).isFalse();
        assertThat(detail.path("details").has("balance")).isFalse();
        assertThat(expect(analyst.api().get(base + "/advertisers"), 200).body()).doesNotContain("balance");
        assertThat(page(analyst, "/workspaces/" + ws + "/inventory/advertisers/" + id)).containsIgnoringCase("currency")
                .doesNotContainIgnoringCase("balance");
        assertThat(page(analyst, "/workspaces/" + ws + "/inventory/advertisers")).doesNotContainIgnoringCase("balance");
    }

    private String page(User user, String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url(path)))
                .header("Cookie", "SESSION=" + user.api().sessionCookie()).header("Accept", "text/html").GET().build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void badInputAnswers422AndForeignOrUnknownThingsAnswer404() {
        for (String query : List.of("sort=budget", "sort=-", "status=enabled", "advertiserId=abc", "limit=0",
                "limit=501", "cursor=not-a-cursor", "objective=TRAFFIC&sort=name&campaignId=x")) {
            ApiClient.Response response = owner.api().get(base + "/ads?" + query);
            assertThat(response.status()).as(query).isEqualTo(422);
            assertThat(response.header("Content-Type").orElse("")).contains("problem+json");
        }
        String cursor = get("/ads?limit=2&sort=name").path("nextCursor").asString();
        assertThat(expect(owner.api().get(base + "/ads?limit=2&sort=-name&cursor=" + cursor), 422).json()
                .path("errors").get(0).path("field").asString()).isEqualTo("cursor");
        String tampered = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("i1\nname\nnot-a-uuid\nx".getBytes(StandardCharsets.UTF_8));
        expect(owner.api().get(base + "/ads?sort=name&cursor=" + tampered), 422);

        String campaignId = get("/campaigns?limit=1").path("items").get(0).path("id").asString();
        expect(outsider.api().get(base + "/campaigns"), 404);
        expect(outsider.api().get(base + "/campaigns/" + campaignId), 404);
        expect(owner.api().get("/api/v1/workspaces/" + emptyWs + "/campaigns/" + campaignId), 404);
        expect(owner.api().get(base + "/ads/" + campaignId), 404);
        expect(owner.api().get(base + "/widgets"), 404);
        expect(owner.api().get(base + "/campaigns/" + java.util.UUID.randomUUID()), 404);
        expect(owner.api().get(base + "/campaigns/not-an-id"), 404);
    }

    @Test
    void theJobsApiShowsTheSyncAndRefusesToCancelAFinishedJob() {
        JsonNode job = get("/jobs/" + jobId);
        assertThat(job.path("type").asString()).isEqualTo(AssetSync.JOB.name());
        assertThat(job.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(job.path("progress").path("done").asLong()).isEqualTo(job.path("progress").path("total").asLong());
        JsonNode list = get("/jobs?type=" + AssetSync.JOB.name() + "&status=SUCCEEDED");
        assertThat(list.path("items").findValuesAsString("id")).contains(jobId);
        expect(owner.api().get(base + "/jobs?status=DONE"), 422);
        expect(owner.api().post(base + "/jobs/" + jobId + "/cancel", null), 409);
        expect(outsider.api().get(base + "/jobs/" + jobId), 404);
        expect(owner.api().get("/api/v1/workspaces/" + emptyWs + "/jobs/" + jobId), 404);
        expect(owner.api().get(base + "/jobs/" + java.util.UUID.randomUUID()), 404);
    }
}
