package com.tttools.app.tiktok;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Marketing API request, without credentials: the {@link TikTokClient} it is sent through adds its
 * connection's access token. {@code path} is relative to {@code /open_api/v1.3/} and keeps TikTok's trailing slash
 * ({@code campaign/get/}). GET parameters that are lists or maps are sent JSON-encoded, as TikTok expects; POST
 * parameters form the JSON body (values may be lists, maps and records, nested as TikTok's body needs). An
 * {@code advertiser_id} parameter also selects the advertiser x path rate-limit bucket. {@code priority} decides
 * who goes first at the shared rate limiter: {@link CallPriority#INTERACTIVE} (the default) for a user waiting on a
 * page, {@link CallPriority#BACKGROUND} for jobs.
 */
public record ApiCall(Method method, String path, Map<String, Object> params, CallPriority priority) {

    public enum Method { GET, POST }

    public ApiCall {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(priority, "priority");
        if (path.startsWith("/") || path.contains("?") || path.contains("..")) {
            throw new IllegalArgumentException("path must be relative to /open_api/v1.3/, without query: " + path);
        }
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A GET of {@code path}; add query parameters with {@link #param}. */
    public static ApiCall get(String path) {
        return new ApiCall(Method.GET, path, Map.of(), CallPriority.INTERACTIVE);
    }

    /** A POST of {@code path}; add body fields with {@link #param} or {@link #params(Map)}. */
    public static ApiCall post(String path) {
        return new ApiCall(Method.POST, path, Map.of(), CallPriority.INTERACTIVE);
    }

    /** A POST of {@code path} whose JSON body holds {@code body}'s fields (null values are left out). */
    public static ApiCall post(String path, Map<String, ?> body) {
        return post(path).params(body);
    }

    /** A copy with one more parameter (a body field for POST); a null value is left out. */
    public ApiCall param(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new ApiCall(method, path, copy, priority);
    }

    /** A copy with every entry of {@code more} added (null values left out). */
    public ApiCall params(Map<String, ?> more) {
        Map<String, Object> copy = new LinkedHashMap<>(params);
        more.forEach((name, value) -> {
            if (value != null) {
                copy.put(name, value);
            }
        });
        return new ApiCall(method, path, copy, priority);
    }

    public ApiCall priority(CallPriority newPriority) {
        return new ApiCall(method, path, params, newPriority);
    }

    public ApiCall background() {
        return priority(CallPriority.BACKGROUND);
    }

    /** The advertiser this call is about, for the advertiser x path limit; null when it names none. */
    public String advertiserId() {
        Object value = params.get("advertiser_id");
        return value == null ? null : value.toString();
    }

    /** Names parameters but never values (they can hold secrets). */
    @Override
    public String toString() {
        return "ApiCall[" + method + " " + path + " params=" + params.keySet() + ", " + priority + "]";
    }
}
