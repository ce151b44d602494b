package com.tttools.app.tiktok;

import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The Marketing API as one connection may use it (see {@link TikTokMarketingApi#forConnection}). The typed methods
 * know TikTok's paths, parameters, page sizes and id-list limits; items come back as TikTok sends them, for the
 * caller to map. {@link #call}, {@link #forEachPage} and {@link #listAll} reach any other endpoint (writes
 * included) with the same token handling, rate limiting and retries. Every method throws a
 * {@link TikTokApiException} subtype when TikTok does not succeed: {@link NeedsReauthorizationException} (token
 * gone), {@link PermissionDeniedException} (advertiser or endpoint not granted), {@link QueryTooLargeException},
 * {@link RateLimitedException}, {@link TikTokUnavailableException}, {@link InvalidRequestException} or
 * {@link UnexpectedResponseException}.
 *
 * <p>Typed methods are sent at the client's {@link #priority()} ({@link CallPriority#INTERACTIVE} unless the
 * client came from {@link #background()}); {@code call}, {@code forEachPage} and {@code listAll} at the
 * {@link ApiCall}'s own priority, so each write chooses its own.
 */
public interface TikTokClient {

    /** The priority of this client's typed calls at the shared rate limiter. */
    CallPriority priority();

    /** The same client whose typed calls wait behind interactive work (for jobs). */
    TikTokClient background();

    // --- any endpoint -------------------------------------------------------------------------------------------

    /**
     * One call of any endpoint; {@code data} of TikTok's {@code code: 0} answer. For writes:
     * {@code call(ApiCall.post("campaign/status/update/", Map.of("advertiser_id", id, "campaign_ids", ids,
     * "operation_status", "DISABLE")).background())}. Retries follow the client's retry policy: a POST that
     * timed out may have been applied, so a write should be idempotent or be checked by reading afterwards.
     */
    ApiResult call(ApiCall call);

    /**
     * Reads a page-numbered list endpoint to its end ({@code page} 1, 2, ... until {@code page_info} says it was the
     * last page or a page comes back empty), handing each page to {@code pages} as it arrives.
     *
     * @param listKey the key under {@code data} holding the items ({@code list} for most endpoints)
     */
    void forEachPage(ApiCall call, String listKey, int pageSize, Consumer<ApiPage> pages);

    /** All items of every page; for bounded lists (use {@link #forEachPage} for large ones). */
    List<JsonNode> listAll(ApiCall call, String listKey, int pageSize);

    // --- typed reads --------------------------------------------------------------------------------------------

    /** {@code oauth2/advertiser/get/}: the ids of the advertisers this connection's token reaches, as TikTok lists them. */
    List<String> authorizedAdvertiserIds();

    /**
     * {@code advertiser/info/} for any number of advertisers (asked in chunks of the 100 ids TikTok takes at once).
     *
     * @param fields TikTok's field names to return (its {@code fields} parameter)
     */
    List<JsonNode> advertiserInfo(List<String> advertiserIds, List<String> fields);

    /** {@code bc/get/}: the business centers the token reaches, each with its {@code bc_info}. */
    List<JsonNode> businessCenters();

    /** {@code bc/asset/get/} with {@code asset_type=ADVERTISER}: the ad accounts of one business center. */
    List<JsonNode> businessCenterAdvertisers(String businessCenterId);

    /** {@code catalog/get/}: the catalogs of one business center, page by page. */
    void catalogs(String businessCenterId, Consumer<ApiPage> pages);

    /** {@code identity/get/}: the identities (TikTok accounts, custom identities) of an advertiser. */
    void identities(String advertiserId, Consumer<ApiPage> pages);

    /** {@code pixel/list/}: the pixels of an advertiser. */
    void pixels(String advertiserId, Consumer<ApiPage> pages);

    /** {@code dmp/custom_audience/list/}: the custom audiences of an advertiser. */
    void customAudiences(String advertiserId, Consumer<ApiPage> pages);

    /**
     * {@code campaign/get/}: every campaign of an advertiser, deleted ones included, of every buying type (TikTok
     * will not list TopView with the others, so this is two listings).
     */
    void campaigns(String advertiserId, Consumer<ApiPage> pages);

    /** {@code adgroup/get/}: every ad group of an advertiser, as {@link #campaigns} lists campaigns. */
    void adGroups(String advertiserId, Consumer<ApiPage> pages);

    /** {@code ad/get/}: the ads of an advertiser that {@code filter} selects, deleted ones and every buying type included. */
    void ads(String advertiserId, AdFilter filter, Consumer<ApiPage> pages);

    /** {@code report/integrated/get/}: one basic auction report, page by page. */
    void report(ReportRequest request, Consumer<ApiPage> pages);
}
