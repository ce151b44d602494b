package com.tttools.app.tiktok;

import tools.jackson.databind.JsonNode;

/** A successful answer ({@code code} 0): its {@code data} object and TikTok's {@code request_id}. */
public record ApiResult(JsonNode data, String requestId) {
}
