package com.tttools.app.tiktok;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One Marketing API request. {@code path} is relative to {@code /open_api/v1.3/} and keeps TikTok's trailing
 * slash ({@code campaign/get/}). GET parameters that are lists or maps are sent JSON-encoded, as TikTok expects;
 * POST parameters form the JSON body. An {@code advertiser_id} parameter also selects the advertiser x path
 * rate-limit bucket.
 */
public record ApiCall(Method method, String path, Map<String, Object> params, AccessToken accessToken,
                      CallPriority priority) {

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

    public static ApiCall get(String path, AccessToken accessToken) {
        return new ApiCall(Method.GET, path, Map.of(), accessToken, CallPriority.INTERACTIVE);
    }

    public static ApiCall post(String path, AccessToken accessToken) {
        return new ApiCall(Method.POST, path, Map.of(), accessToken, CallPriority.INTERACTIVE);
    }

    /** A copy with one more parameter; a null value is left out. */
    public ApiCall param(String name, Object value) {
        if (value == null) {
            return this;
        }
        Map<String, Object> copy = new LinkedHashMap<>(params);
        copy.put(name, value);
        return new ApiCall(method, path, copy, accessToken, priority);
    }

    public ApiCall priority(CallPriority newPriority) {
        return new ApiCall(method, path, params, accessToken, newPriority);
    }

    public ApiCall background() {
        return priority(CallPriority.BACKGROUND);
    }

    /** The advertiser this call is about, for the advertiser x path limit; null when it names none. */
    public String advertiserId() {
        Object value = params.get("advertiser_id");
        return value == null ? null : value.toString();
    }

    /** Names parameters but never values (they can hold secrets) nor the token. */
    @Override
    public String toString() {
        return "ApiCall[" + method + " " + path + " params=" + params.keySet() + ", " + priority + "]";
    }
}
