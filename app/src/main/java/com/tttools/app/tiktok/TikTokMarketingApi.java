package com.tttools.app.tiktok;

import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The TikTok Marketing API, shared by every caller on the node: calls pass the shared rate limiter, retryable
 * failures are retried with backoff, and the rest end in a {@link TikTokApiException} subtype.
 */
public interface TikTokMarketingApi {

    /** One call; {@code data} of a {@code code: 0} answer. */
    ApiResult call(ApiCall call);

    /**
     * Reads a page-numbered list endpoint to its end: {@code page} 1, 2, ... until {@code page_info} says it was
     * the last page or a page comes back empty.
     *
     * @param listKey the key under {@code data} holding the items ({@code list} for most endpoints)
     */
    void forEachPage(ApiCall call, String listKey, int pageSize, Consumer<ApiPage> consumer);

    /** All items of every page; for bounded lists (use {@link #forEachPage} for large ones). */
    List<JsonNode> listAll(ApiCall call, String listKey, int pageSize);
}
