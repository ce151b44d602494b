package com.tttools.app.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** RFC 4180 lines: fields with commas, quotes or line breaks are quoted; numbers are written plain. */
final class Csv {

    private Csv() {
    }

    static String line(LocalDate date, String entityId, String advertiserId, String currency, Map<String, Object> metrics) {
        StringBuilder line = new StringBuilder(128);
        line.append(date == null ? "" : date.toString()).append(',').append(field(entityId)).append(',')
                .append(field(advertiserId)).append(',').append(field(currency));
        for (Object value : metrics.values()) {
            line.append(',');
            if (value instanceof BigDecimal decimal) {
                line.append(decimal.toPlainString());
            } else if (value != null) {
                line.append(field(value.toString()));
            }
        }
        return line.append("\r\n").toString();
    }

    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
