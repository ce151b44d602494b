package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tiktok.AdFilter;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.ApiPage;
import com.tttools.app.tiktok.ApiResult;
import com.tttools.app.tiktok.CallPriority;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.ReportRequest;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.tiktok.client.AuthorizedAdvertiser;
import com.tttools.app.tiktok.tokens.AccessToken;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A {@link TikTokClient} bound to one connection: every operation opens the connection's current token, sends
 * through the shared client, and on a rejection of the token runs the health check before rethrowing. TikTok's
 * paths, parameters, page sizes and id-list limits for the typed reads live here.
 */
final class ConnectionClient implements TikTokClient {

    /** advertiser/info/ and the id filters of ad/get/ take at most this many ids. */
    static final int MAX_IDS = 100;
    /** TikTok will not list TopView together with the other buying types. */
    static final List<List<String>> BUYING_TYPE_PASSES = List.of(List.of("AUCTION", "RESERVATION_RF"),
            List.of("RESERVATION_TOP_VIEW"));
    static final DateTimeFormatter TIKTOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConnectionClients clients;
    private final WorkspaceId workspaceId;
    private final UUID connectionId;
    private final Actor actor;
    private final CallPriority priority;

    ConnectionClient(ConnectionClients clients, WorkspaceId workspaceId, UUID connectionId, Actor actor,
            CallPriority priority) {
        this.clients = clients;
        this.workspaceId = workspaceId;
        this.connectionId = connectionId;
        this.actor = actor;
        this.priority = priority;
    }

    @Override
    public CallPriority priority() {
        return priority;
    }

    @Override
    public TikTokClient background() {
        return new ConnectionClient(clients, workspaceId, connectionId, actor, CallPriority.BACKGROUND);
    }

    @Override
    public ApiResult call(ApiCall call) {
        return withToken(call.path(), token -> clients.api().call(call, token));
    }

    @Override
    public void forEachPage(ApiCall call, String listKey, int pageSize, Consumer<ApiPage> pages) {
        withToken(call.path(), token -> {
            clients.api().forEachPage(call, token, listKey, pageSize, pages);
            return null;
        });
    }

    @Override
    public List<JsonNode> listAll(ApiCall call, String listKey, int pageSize) {
        return withToken(call.path(), token -> clients.api().listAll(call, token, listKey, pageSize));
    }

    @Override
    public List<String> authorizedAdvertiserIds() {
        return withToken("oauth2/advertiser/get/", token -> clients.oauth().authorizedAdvertisers(token, priority)
                .stream().map(AuthorizedAdvertiser::advertiserId).toList());
    }

    @Override
    public List<JsonNode> advertiserInfo(List<String> advertiserIds, List<String> fields) {
        List<JsonNode> advertisers = new ArrayList<>();
        for (List<String> chunk : chunks(advertiserIds)) {
            call(typed("advertiser/info/").param("advertiser_ids", chunk).param("fields", fields)).data()
                    .path("list").forEach(advertisers::add);
        }
        return advertisers;
    }

    @Override
    public List<JsonNode> businessCenters() {
        return listAll(typed("bc/get/"), "list", 50);
    }

    @Override
    public List<JsonNode> businessCenterAdvertisers(String businessCenterId) {
        return listAll(typed("bc/asset/get/").param("bc_id", businessCenterId).param("asset_type", "ADVERTISER"),
                "list", 50);
    }

    @Override
    public void catalogs(String businessCenterId, Consumer<ApiPage> pages) {
        forEachPage(typed("catalog/get/").param("bc_id", businessCenterId), "list", 100, pages);
    }

    @Override
    public void identities(String advertiserId, Consumer<ApiPage> pages) {
        forEachPage(typed("identity/get/").param("advertiser_id", advertiserId), "identity_list", 100, pages);
    }

    @Override
    public void pixels(String advertiserId, Consumer<ApiPage> pages) {
        forEachPage(typed("pixel/list/").param("advertiser_id", advertiserId), "pixels", 20, pages);
    }

    @Override
    public void customAudiences(String advertiserId, Consumer<ApiPage> pages) {
        forEachPage(typed("dmp/custom_audience/list/").param("advertiser_id", advertiserId), "list", 100, pages);
    }

    @Override
    public void campaigns(String advertiserId, Consumer<ApiPage> pages) {
        structure("campaign/get/", advertiserId, Map.of(), pages);
    }

    @Override
    public void adGroups(String advertiserId, Consumer<ApiPage> pages) {
        structure("adgroup/get/", advertiserId, Map.of(), pages);
    }

    @Override
    public void ads(String advertiserId, AdFilter filter, Consumer<ApiPage> pages) {
        if (filter.modifiedAfter() != null) {
            structure("ad/get/", advertiserId, Map.of("modified_after", tiktokTime(filter.modifiedAfter())), pages);
        } else if (filter.campaignIds() != null) {
            for (List<String> chunk : chunks(filter.campaignIds())) {
                structure("ad/get/", advertiserId, Map.of("campaign_ids", chunk), pages);
            }
        } else if (filter.adGroupIds() != null) {
            for (List<String> chunk : chunks(filter.adGroupIds())) {
                structure("ad/get/", advertiserId, Map.of("adgroup_ids", chunk), pages);
            }
        } else {
            structure("ad/get/", advertiserId, Map.of(), pages);
        }
    }

    @Override
    public void report(ReportRequest request, Consumer<ApiPage> pages) {
        ApiCall call = typed("report/integrated/get/")
                .param("advertiser_id", request.advertiserId())
                .param("service_type", "AUCTION")
                .param("report_type", "BASIC")
                .param("data_level", request.dataLevel())
                .param("dimensions", request.dimensions())
                .param("metrics", request.metrics())
                .param("start_date", request.startDate().toString())
                .param("end_date", request.endDate().toString());
        if (request.allStatusesOf() != null) {
            call = call.param("filtering", List.of(Map.of("field_name", request.allStatusesOf(), "filter_type", "IN",
                    "filter_value", "[\"STATUS_ALL\"]")));
        }
        forEachPage(call, "list", 1000, pages);
    }

    /** Campaigns, ad groups and ads: every status (deleted ones included) and every buying type. */
    private void structure(String path, String advertiserId, Map<String, Object> extra, Consumer<ApiPage> pages) {
        for (List<String> buyingTypes : BUYING_TYPE_PASSES) {
            Map<String, Object> filtering = new LinkedHashMap<>(extra);
            filtering.put("primary_status", "STATUS_ALL");
            filtering.put("buying_types", buyingTypes);
            forEachPage(typed(path).param("advertiser_id", advertiserId).param("filtering", filtering), "list", 1000,
                    pages);
        }
    }

    private ApiCall typed(String path) {
        return ApiCall.get(path).priority(priority);
    }

    private <T> T withToken(String path, Function<AccessToken, T> work) {
        AccessToken token = clients.token(workspaceId, connectionId, path);
        try {
            return work.apply(token);
        } catch (NeedsReauthorizationException rejected) {
            clients.rejected(workspaceId, connectionId, actor);
            throw rejected;
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += MAX_IDS) {
            chunks.add(ids.subList(from, Math.min(from + MAX_IDS, ids.size())));
        }
        return chunks;
    }

    static String tiktokTime(Instant instant) {
        return TIKTOK_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    @Override
    public String toString() {
        return "TikTokClient[connection " + connectionId + ", " + priority + "]";
    }
}
