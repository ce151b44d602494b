package com.tttools.app.reporting.web;

import com.tttools.app.shared.CsvCells;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * RFC 4180 lines: text cells as {@link CsvCells} writes them (quoted, formula-safe); numbers plain. The export's lines
 * are written by PostgreSQL now (reporting.internal's {@code ReportCsv}); this Java statement of the same line is the
 * reference they are held to, byte for byte ({@code ReportCsvParityIT}), and the parser fuzz target of security check
 * 43 ({@code ReportCsvFuzzTest}).
 */
final class Csv {

    private Csv() {
    }

    /** One CSV line (CRLF included) appended to {@code line}; an export reuses one builder for all its rows. */
    static void append(StringBuilder line, LocalDate date, String entityId, String entityName, String advertiserId,
            String currency, Map<String, Object> metrics) {
        append(line, date, entityId, entityName, advertiserId, currency, metrics, null, null, java.util.List.of());
    }

    /**
     * With a reporting currency: after the metrics, the reporting currency and {@code money}'s values converted into
     * it (an empty cell where the rate is missing, never 0).
     */
    static void append(StringBuilder line, LocalDate date, String entityId, String entityName, String advertiserId,
            String currency, Map<String, Object> metrics, String reportingCurrency, Map<String, Object> converted,
            java.util.List<com.tttools.app.reporting.Metric> money) {
        line.append(date == null ? "" : date.toString()).append(',').append(field(entityId)).append(',')
                .append(field(entityName)).append(',').append(field(advertiserId)).append(',').append(field(currency));
        for (Object value : metrics.values()) {
            value(line, value);
        }
        if (reportingCurrency != null) {
            line.append(',').append(field(reportingCurrency));
            for (com.tttools.app.reporting.Metric metric : money) {
                value(line, converted == null ? null : converted.get(metric.apiName()));
            }
        }
        line.append("\r\n");
    }

    private static void value(StringBuilder line, Object value) {
        line.append(',');
        if (value instanceof BigDecimal decimal) {
            line.append(decimal.toPlainString());
        } else if (value instanceof Long count) {
            line.append(count.longValue());
        } else if (value != null) {
            line.append(field(value.toString()));
        }
    }

    static String field(String value) {
        return CsvCells.text(value);
    }
}
