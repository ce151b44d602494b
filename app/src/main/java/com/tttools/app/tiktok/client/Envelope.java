package com.tttools.app.tiktok.client;

import tools.jackson.databind.JsonNode;

/** TikTok's {@code {code, message, request_id, data}}. */
record Envelope(int code, String message, String requestId, JsonNode data) {
}
