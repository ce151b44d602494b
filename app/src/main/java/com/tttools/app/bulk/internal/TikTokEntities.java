package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.ApiResult;
import com.tttools.app.tiktok.CallPriority;
import com.tttools.app.tiktok.TikTokMarketingApi;
import com.tttools.app.tiktok.TikTokClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes of campaigns, ad groups and ads at TikTok for change sets, through the shared client (rate
 * limiter at interactive priority, retries with backoff for retryable codes only). Reads ask for deleted entities
 * too ({@code STATUS_ALL}) and for every buying type, in batches of at most 100 ids.
 */
@Component
class TikTokEntities {

    static final int READ_BATCH = 100;
    private static final List<List<String>> BUYING_TYPE_PASSES = List.of(List.of("AUCTION", "RESERVATION_RF"),
            List.of("RESERVATION_TOP_VIEW"));   // TikTok will not combine TOP_VIEW with the others

    /** An entity as TikTok reports it now; {@code found} false when TikTok does not list it at all. */
    record Current(String tiktokId, boolean found, String operationStatus, String secondaryStatus, BigDecimal budget,
            String budgetMode, String modifyTime) {

        static Current missing(String id) {
            return new Current(id, false, null, null, null, null, null);
        }

        /** Deleted itself (or unknown to TikTok). */
        boolean deleted() {
            return !found || "DELETE".equals(operationStatus)
                    || (secondaryStatus != null && secondaryStatus.endsWith("_STATUS_DELETE"));
        }

        /** Its campaign or ad group was deleted: TikTok no longer lets it change. */
        boolean parentDeleted() {
            return secondaryStatus != null && (secondaryStatus.endsWith("_CAMPAIGN_DELETE")
                    || secondaryStatus.endsWith("_ADGROUP_DELETE"));
        }

        /** A parent (campaign or ad group) is off, so enabling this entity alone will not deliver. */
        boolean parentDisabled() {
            return secondaryStatus != null && (secondaryStatus.contains("CAMPAIGN_DISABLE")
                    || secondaryStatus.contains("ADGROUP_DISABLE") || secondaryStatus.contains("CAMPAIGN_DELETE")
                    || secondaryStatus.contains("ADGROUP_DELETE"));   // e.g. AD_STATUS_ADGROUP_DISABLE
        }
    }

    private final TikTokMarketingApi api;

    TikTokEntities(TikTokMarketingApi api) {
        this.api = api;
    }

    /**
     * The client of the connection these entities came through; a token TikTok rejects moves the connection to
     * NEEDS_REAUTH (audited as {@code actor}) and ends the call with a NeedsReauthorizationException.
     */
    TikTokClient client(WorkspaceId workspace, UUID connectionId, Actor actor) {
        return api.forConnection(workspace, new ConnectionId(connectionId), actor);
    }

    /** The entities of one advertiser as TikTok has them now, by id (absent ids: {@link Current#missing}). */
    Map<String, Current> read(TikTokClient client, String advertiserId, BulkLevel level, List<String> ids) {
        Map<String, Current> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += READ_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + READ_BATCH));
            List<String> missing = new ArrayList<>(batch);
            for (List<String> buyingTypes : BUYING_TYPE_PASSES) {
                if (missing.isEmpty()) {
                    break;
                }
                Map<String, Object> filtering = new LinkedHashMap<>();
                filtering.put(idsKey(level), missing);
                filtering.put("primary_status", "STATUS_ALL");
                filtering.put("buying_types", buyingTypes);
                ApiCall call = ApiCall.get(readPath(level)).param("advertiser_id", advertiserId)
                        .param("filtering", filtering).priority(CallPriority.INTERACTIVE);
                for (JsonNode item : client.listAll(call, "list", READ_BATCH)) {
                    Current current = current(level, item);
                    out.put(current.tiktokId(), current);
                }
                missing.removeIf(out::containsKey);
            }
            missing.forEach(id -> out.put(id, Current.missing(id)));
        }
        return out;
    }

    /** One status call for at most 20 ids; ad groups are written with partial success (failures by id). */
    ApiResult writeStatus(TikTokClient client, String advertiserId, BulkLevel level, List<String> ids, String status) {
        ApiCall call = ApiCall.post(level == BulkLevel.CAMPAIGN ? "campaign/status/update/"
                        : level == BulkLevel.ADGROUP ? "adgroup/status/update/" : "ad/status/update/")
                .param("advertiser_id", advertiserId)
                .param(idsKey(level), ids)
                .param("operation_status", status);
        if (level == BulkLevel.ADGROUP) {
            call = call.param("allow_partial_success", true);
        }
        return client.call(call);
    }

    /** One ad-group budget call for at most 20 ad groups. */
    ApiResult writeAdGroupBudgets(TikTokClient client, String advertiserId, Map<String, BigDecimal> budgets) {
        List<Map<String, Object>> items = new ArrayList<>();
        budgets.forEach((id, budget) -> items.add(Map.of("adgroup_id", id, "budget", budget)));
        return client.call(ApiCall.post("adgroup/budget/update/").param("advertiser_id", advertiserId)
                .param("budget", items));
    }

    /** One campaign budget ({@code campaign/update} takes one campaign). */
    ApiResult writeCampaignBudget(TikTokClient client, String advertiserId, String campaignId, BigDecimal budget) {
        return client.call(ApiCall.post("campaign/update/").param("advertiser_id", advertiserId)
                .param("campaign_id", campaignId).param("budget", budget));
    }

    static String idsKey(BulkLevel level) {
        return switch (level) {
            case CAMPAIGN -> "campaign_ids";
            case ADGROUP -> "adgroup_ids";
            case AD -> "ad_ids";
        };
    }

    private static String readPath(BulkLevel level) {
        return switch (level) {
            case CAMPAIGN -> "campaign/get/";
            case ADGROUP -> "adgroup/get/";
            case AD -> "ad/get/";
        };
    }

    private static Current current(BulkLevel level, JsonNode item) {
        String idField = switch (level) {
            case CAMPAIGN -> "campaign_id";
            case ADGROUP -> "adgroup_id";
            case AD -> "ad_id";
        };
        JsonNode budget = item.path("budget");
        return new Current(item.path(idField).asString(), true, text(item, "operation_status"),
                text(item, "secondary_status"),
                budget.isNumber() || budget.isString() && !budget.asString().isBlank()
                        ? new BigDecimal(budget.asString()) : null,
                text(item, "budget_mode"), text(item, "modify_time"));
    }

    private static String text(JsonNode item, String field) {
        JsonNode node = item.path(field);
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }
}
