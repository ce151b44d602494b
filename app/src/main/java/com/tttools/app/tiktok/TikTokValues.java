package com.tttools.app.tiktok;

import java.math.BigDecimal;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Lenient readers for TikTok's loosely typed values: ids come as strings but sometimes as numbers; report
 * metrics come as strings, numbers, null or {@code "-"} (not applicable).
 */
public final class TikTokValues {

    private TikTokValues() {
    }

    /** An id as a string (never through a double, which would round 19-digit ids); empty when absent. */
    public static Optional<String> id(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.bigIntegerValue().toString());
        }
        String text = node.asString().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** A metric as a decimal; empty for null, missing, {@code ""}, {@code "-"} and anything not a number. */
    public static Optional<BigDecimal> metric(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return Optional.empty();
        }
        if (node.isNumber()) {
            return Optional.of(node.decimalValue());
        }
        if (!node.isString()) {
            return Optional.empty();
        }
        String text = node.stringValue().trim();
        if (text.isEmpty() || text.equals("-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
