package com.tttools.app.tiktok.client;

import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.ApiPage;
import com.tttools.app.tiktok.ApiResult;
import com.tttools.app.tiktok.InvalidRequestException;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.PageInfo;
import com.tttools.app.tiktok.PermissionDeniedException;
import com.tttools.app.tiktok.QueryTooLargeException;
import com.tttools.app.tiktok.RateLimitedException;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.TikTokUnavailableException;
import com.tttools.app.tiktok.UnexpectedResponseException;
import com.tttools.app.tiktok.tokens.AccessToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The retry loop around one call: wait for the rate limiter, send, read the envelope. Retryable failures are
 * retried with exponential backoff up to {@code retry.maxAttempts}; rate-limit answers empty the limiter's
 * bucket and are retried through it up to {@code retry.rateLimitMaxAttempts}; everything else fails at once
 * with its typed exception.
 */
final class MarketingApiClient implements MarketingApi {

    private static final Logger log = LoggerFactory.getLogger(MarketingApiClient.class);

    private final HttpTransport transport;
    private final ResponseReader reader;
    private final SharedRateLimiter limiter;
    private final TikTokEndpoints endpoints;
    private final TikTokProperties.Retry retry;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final TikTokMetrics metrics;

    MarketingApiClient(HttpTransport transport, ResponseReader reader, SharedRateLimiter limiter,
                       TikTokEndpoints endpoints, TikTokProperties.Retry retry, Sleeper sleeper) {
        this(transport, reader, limiter, endpoints, retry, sleeper, TikTokMetrics.NONE);
    }

    MarketingApiClient(HttpTransport transport, ResponseReader reader, SharedRateLimiter limiter,
                       TikTokEndpoints endpoints, TikTokProperties.Retry retry, Sleeper sleeper,
                       TikTokMetrics metrics) {
        this.metrics = metrics;
        this.transport = transport;
        this.reader = reader;
        this.limiter = limiter;
        this.endpoints = endpoints;
        this.retry = retry;
        this.backoff = new Backoff(retry.initialBackoff(), retry.maxBackoff(), retry.jitter());
        this.sleeper = sleeper;
    }

    @Override
    public ApiResult call(ApiCall call, AccessToken accessToken) {
        int failedAttempts = 0;
        int throttledAttempts = 0;
        while (true) {
            ResponseReader.Result result = attempt(call, accessToken);
            if (result.envelope() != null) {
                return new ApiResult(result.envelope().data(), result.envelope().requestId());
            }
            Failure failure = result.failure();
            if (failure.kind() == Failure.Kind.RATE_LIMITED) {
                throttledAttempts++;
                metrics.throttled(failure.code());
                limiter.throttled(endpoints.appId(), call.advertiserId(), call.path(), failure.code());
                if (throttledAttempts >= retry.rateLimitMaxAttempts()) {
                    throw toException(call, accessToken, failure, throttledAttempts);
                }
                pause(call, accessToken, failure, backoff.beforeRetry(throttledAttempts));
            } else if (failure.kind() == Failure.Kind.RETRYABLE) {
                failedAttempts++;
                if (failedAttempts >= retry.maxAttempts()) {
                    throw toException(call, accessToken, failure, failedAttempts);
                }
                pause(call, accessToken, failure, atLeastRetryAfter(backoff.beforeRetry(failedAttempts), failure));
            } else {
                throw toException(call, accessToken, failure, failedAttempts + 1);
            }
        }
    }

    private ResponseReader.Result attempt(ApiCall call, AccessToken accessToken) {
        try {
            limiter.acquire(endpoints.appId(), call.advertiserId(), call.path(), call.priority());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TikTokUnavailableException(call.path(), 0, null, "interrupted", 0);
        }
        long started = System.nanoTime();
        RawResponse response;
        try {
            response = transport.exchange(call, accessToken);
        } catch (HttpTransport.TransportException e) {
            metrics.attempt(call.path(), "transport", System.nanoTime() - started);
            log.debug("TikTok {} {} -> {} after {} ms", call.method(), call.path(), e.getMessage(),
                    (System.nanoTime() - started) / 1_000_000);
            return ResponseReader.Result.failed(Failure.retryable(e.getMessage()));
        }
        ResponseReader.Result result = reader.read(response);
        metrics.attempt(call.path(), result.envelope() != null ? "0"
                : result.failure().code() != 0 ? Integer.toString(result.failure().code())
                : "http_" + response.status(), System.nanoTime() - started);
        if (log.isDebugEnabled()) {
            log.debug("TikTok {} {} -> HTTP {} code {} in {} ms", call.method(), call.path(), response.status(),
                    result.envelope() != null ? 0 : result.failure().code(), (System.nanoTime() - started) / 1_000_000);
        }
        return result;
    }

    /** A gateway's Retry-After wins over a shorter backoff, but never beyond the configured cap. */
    private Duration atLeastRetryAfter(Duration wait, Failure failure) {
        if (failure.retryAfter() == null || failure.retryAfter().compareTo(wait) <= 0) {
            return wait;
        }
        return failure.retryAfter().compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : failure.retryAfter();
    }

    private void pause(ApiCall call, AccessToken accessToken, Failure failure, Duration wait) {
        log.info("TikTok {} failed ({}{}), retrying in {} ms", call.path(),
                failure.code() == 0 ? "" : "code " + failure.code() + ", ", redact(failure.detail(), accessToken),
                wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw toException(call, accessToken, failure, 0);
        }
    }

    private TikTokApiException toException(ApiCall call, AccessToken accessToken, Failure failure, int attempts) {
        String path = call.path();
        String detail = redact(failure.detail(), accessToken);
        return switch (failure.kind()) {
            case REAUTHORIZE -> new NeedsReauthorizationException(path, failure.code(), failure.requestId(), detail);
            case PERMISSION -> new PermissionDeniedException(path, failure.code(), failure.requestId(), detail);
            case INVALID -> new InvalidRequestException(path, failure.code(), failure.requestId(), detail);
            case QUERY_TOO_LARGE -> new QueryTooLargeException(path, failure.code(), failure.requestId(), detail);
            case RATE_LIMITED -> new RateLimitedException(path, failure.code(), failure.requestId(),
                    detail + " (still limited after " + attempts + " attempts)");
            case RETRYABLE -> new TikTokUnavailableException(path, failure.code(), failure.requestId(), detail, attempts);
            case UNEXPECTED_HTTP -> new UnexpectedResponseException(path, failure.httpStatus(), detail);
        };
    }

    /** TikTok's messages do not echo tokens, but a message is logged and shown: make sure. */
    private static String redact(String detail, AccessToken accessToken) {
        String safe = detail;
        if (accessToken != null && !accessToken.value().isEmpty()) {
            safe = safe.replace(accessToken.value(), "[redacted]");
        }
        return safe;
    }

    @Override
    public void forEachPage(ApiCall call, AccessToken accessToken, String listKey, int pageSize,
            Consumer<ApiPage> consumer) {
        int page = 1;
        while (true) {
            ApiResult result = call(call.param("page", page).param("page_size", pageSize), accessToken);
            JsonNode data = result.data();
            List<JsonNode> items = new ArrayList<>();
            data.path(listKey).forEach(items::add);
            PageInfo info = pageInfo(data.path("page_info"), page, pageSize);
            consumer.accept(new ApiPage(List.copyOf(items), info, data, result.requestId()));
            if (items.isEmpty() || info.isLast()) {
                return;
            }
            page++;
        }
    }

    @Override
    public List<JsonNode> listAll(ApiCall call, AccessToken accessToken, String listKey, int pageSize) {
        List<JsonNode> all = new ArrayList<>();
        forEachPage(call, accessToken, listKey, pageSize, page -> all.addAll(page.items()));
        return all;
    }

    static PageInfo pageInfo(JsonNode node, int requestedPage, int pageSize) {
        if (!node.isObject()) {
            return new PageInfo(requestedPage, pageSize, 0, requestedPage); // no page_info: a single page
        }
        return new PageInfo(node.path("page").asInt(requestedPage), node.path("page_size").asInt(pageSize),
                node.path("total_number").asLong(0), node.path("total_page").asInt(requestedPage));
    }
}
