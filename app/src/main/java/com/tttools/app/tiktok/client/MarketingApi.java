package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.ApiPage;
import com.tttools.app.tiktok.ApiResult;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.tokens.AccessToken;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The TikTok Marketing API at the level of single calls with an explicit token, shared by every caller on the
 * node: calls pass the shared rate limiter, retryable failures are retried with backoff, and the rest end in a
 * {@link TikTokApiException} subtype. Internal to the tiktok module: other modules call TikTok through
 * {@link com.tttools.app.tiktok.TikTokMarketingApi#forConnection}, so decrypted tokens stay here.
 */
public interface MarketingApi {

    /**
     * One call; {@code data} of a {@code code: 0} answer.
     *
     * @param accessToken sent as {@code Access-Token}; null for the OAuth exchanges, which carry the app's
     *                    credentials in the body instead
     */
    ApiResult call(ApiCall call, AccessToken accessToken);

    /**
     * Reads a page-numbered list endpoint to its end: {@code page} 1, 2, ... until {@code page_info} says it was
     * the last page or a page comes back empty.
     *
     * @param listKey the key under {@code data} holding the items ({@code list} for most endpoints)
     */
    void forEachPage(ApiCall call, AccessToken accessToken, String listKey, int pageSize, Consumer<ApiPage> consumer);

    /** All items of every page; for bounded lists (use {@link #forEachPage} for large ones). */
    List<JsonNode> listAll(ApiCall call, AccessToken accessToken, String listKey, int pageSize);
}
