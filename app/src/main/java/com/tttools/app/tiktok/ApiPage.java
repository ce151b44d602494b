package com.tttools.app.tiktok;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** One page of a list endpoint: its items, {@code page_info} and the whole {@code data} (some carry totals). */
public record ApiPage(List<JsonNode> items, PageInfo pageInfo, JsonNode data, String requestId) {
}
