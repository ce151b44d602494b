package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.Metric;
import com.tttools.app.reporting.ReportQuery;
import com.tttools.app.reporting.rates.CurrencyConversion;
import com.tttools.app.shared.CsvCells;
import java.util.ArrayList;
import java.util.List;

/**
 * The report CSV as PostgreSQL writes it: the header row, and one SQL expression per line that gives, cell for cell,
 * the bytes the Java export wrote (reporting.web's {@code Csv}, which stays the reference its parity test holds this
 * to). Lines are RFC 4180 with CRLF; {@code date} ISO; text cells as {@link CsvCells} writes them (see
 * {@link #textCell}); metrics as {@link Metric#csvSql}; with a reporting currency, that currency and each money
 * metric converted into it (converted spend rounded half up to the currency's minor unit; empty where a rate is
 * missing).
 */
final class ReportCsv {

    /** Something in the cell that {@link CsvCells} acts on: a formula start, or a character that splits or quotes. */
    private static final String NEEDS_A_LOOK = "'^[-=+@]|[,;\"\\t\\r\\n]'";

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

    /**
     * One text value per row, the whole CSV line, over {@code rows} (the report's SQL for any shape: its columns are
     * named as {@code ReportService} names them, {@code spend_rc} with a reporting currency). A subquery with an ORDER
     * BY is planned on its own and scanned in its order, so the lines come in the rows' order.
     */
    static String lines(ReportQuery query, String rows) {
        return "SELECT concat(" + String.join(", ',', ", cells(query, "r.", "r.spend_rc")) + ", E'\\r\\n') FROM ("
                + rows + ") r";
    }

    /**
     * The usual export's lines: the cells are computed where the facts are read ({@code from} is the facts' FROM,
     * WHERE and key ORDER BY, table alias {@code f}), and joined into the line above, so that a cell used twice is
     * computed once: with {@code spendConverted} just {@code f.spend} (the workspace has no other currency), each
     * converted ratio is its unconverted cell (a ratio's exact rounding is the costly part of a line).
     */
    static String linesOfFacts(ReportQuery query, String from, String spendConverted) {
        List<String> cells = cells(query, "f.", spendConverted);
        List<String> distinct = cells.stream().distinct().toList();
        List<String> computed = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i++) {
            computed.add(distinct.get(i) + " AS c" + i);
        }
        return "SELECT concat(" + String.join(", ',', ", cells.stream().map(c -> "c.c" + distinct.indexOf(c)).toList())
                + ", E'\\r\\n') FROM (SELECT " + String.join(", ", computed) + " " + from + ") c";
    }

    /** The line's cells over a row whose columns are {@code row} + the column name; concat writes NULL as nothing. */
    private static List<String> cells(ReportQuery query, String row, String spendConverted) {
        List<String> cells = new ArrayList<>();
        cells.add(query.byDate() ? row + "stat_date" : "NULL"); // date_out in ISO: pgJDBC keeps DateStyle at ISO
        cells.add(query.byEntity() ? textCell(row + "entity_id") : "NULL");
        cells.add(query.byEntity() ? textCell(row + "entity_name") : "NULL");
        cells.add(query.byEntity() ? textCell(row + "advertiser_id") : "NULL");
        cells.add(textCell(row + "currency"));
        query.metrics().forEach(m -> cells.add(m.csvSql(row + "spend")));
        if (query.reportingCurrency() != null) {
            String currency = query.reportingCurrency();
            cells.add(SqlLiterals.text(CsvCells.text(currency)));
            for (Metric metric : query.metrics().stream().filter(Metric::money).toList()) {
                cells.add(metric == Metric.SPEND
                        ? "round(" + spendConverted + ", " + CurrencyConversion.fractionDigits(currency) + ")"
                        : metric.csvSql(spendConverted));
            }
        }
        return cells;
    }

    /**
     * {@link CsvCells#text} in SQL over a text column. Most cells (ids, currencies, plain names) hold nothing it acts
     * on and are taken as they are after one regular expression; the others: a cell holding {@code ;} or a tab gets the
     * apostrophe and quotes; one starting a formula ({@code = + - @}, CR) or with a segment after a comma that does
     * (leading spaces skipped) gets the apostrophe, and quotes if it holds a comma, quote or line break; any other
     * holds a comma, quote or line break and is quoted. Quotes inside are doubled.
     */
    static String textCell(String column) {
        String quoted = "'\"' || replace(" + column + ", '\"', '\"\"') || '\"'";
        String neutralisedAndQuoted = "'\"''' || replace(" + column + ", '\"', '\"\"') || '\"'";
        return "CASE WHEN " + column + " ~ " + NEEDS_A_LOOK + " THEN CASE"
                + " WHEN " + column + " ~ '[;\\t]' THEN " + neutralisedAndQuoted
                + " WHEN " + column + " ~ '^[-=+@\\r]|, *[-=+@]' THEN CASE WHEN " + column + " ~ '[,\"\\r\\n]' THEN "
                + neutralisedAndQuoted + " ELSE '''' || " + column + " END"
                + " ELSE " + quoted + " END ELSE " + column + " END";
    }
}
