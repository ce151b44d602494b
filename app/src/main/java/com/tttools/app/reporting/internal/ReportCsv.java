package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportQuery;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The report CSV's header row, and the columns PostgreSQL sends for its lines ({@link CsvLinesOfBinaryCopy} formats
 * them): date, entity id, entity name, advertiser id, currency, spend, the counts the metrics need (as bigint, in
 * {@link Metric#COUNTS}' order), reach, and with a reporting currency the spend converted into it.
 */
final class ReportCsv {

    /** Date, entity id, entity name, advertiser id, currency and spend: the columns before the counts. */
    static final int FIXED_COLUMNS = 6;

    private ReportCsv() {
    }

    /** The header row (CRLF included). */
    static String header(ReportQuery query) {
        List<String> header = new ArrayList<>(List.of("date", "entityId", "entityName", "advertiserId", "currency"));
        query.metrics().forEach(m -> header.add(m.apiName()));
        if (query.reportingCurrency() != null) {
            header.add("reportingCurrency");
            query.metrics().stream().filter(Metric::money).forEach(m -> header.add(m.apiName() + "InReportingCurrency"));
        }
        return String.join(",", header) + "\r\n";
    }

    /** The counts the query's metrics are computed from, in {@link Metric#COUNTS}' order. */
    static List<Metric> counts(ReportQuery query) {
        Set<Metric> needed = EnumSet.noneOf(Metric.class);
        query.metrics().forEach(m -> needed.addAll(m.counts()));
        return Metric.COUNTS.stream().filter(needed::contains).toList();
    }

    /**
     * The select list over a row whose columns are {@code row} + the names the report's SQL gives them ({@code f.}
     * for the daily facts themselves); {@code spendConverted} is the converted spend's expression, null without a
     * reporting currency. A column the query does not group by is sent as NULL (an empty cell).
     */
    static String columns(ReportQuery query, String row, String spendConverted) {
        List<String> columns = new ArrayList<>();
        columns.add(query.byDate() ? row + "stat_date" : "NULL::date");
        columns.add(query.byEntity() ? row + "entity_id" : "NULL::text");
        columns.add(query.byEntity() ? row + "entity_name" : "NULL::text");
        columns.add(query.byEntity() ? row + "advertiser_id" : "NULL::text");
        columns.add(row + "currency");
        columns.add(row + "spend");
        counts(query).forEach(m -> columns.add(row + m.column() + "::bigint"));
        columns.add(row + "reach::bigint");
        if (spendConverted != null) {
            columns.add(spendConverted);
        }
        return String.join(", ", columns);
    }
}
