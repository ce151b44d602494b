package com.tttools.app.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.tttools.app.reporting.Metric;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parser fuzz target for the report CSV export's lines (security check 43): whatever names and values TikTok gave
 * us, a line of {@link Csv} is one record of the expected width for a strict RFC 4180 parser, each cell reading back.
 * Corpus: {@code src/test/resources/com/tttools/app/reporting/web/ReportCsvFuzzTestInputs/}.
 */
class ReportCsvFuzzTest {

    @FuzzTest
    void aReportLineIsOneRecordOfTheExpectedWidth(FuzzedDataProvider data) throws IOException {
        LocalDate date = data.consumeBoolean() ? null : LocalDate.ofEpochDay(data.consumeLong(-700_000, 2_900_000));
        String entityId = data.consumeString(30);
        String entityName = data.consumeString(120);
        String advertiserId = data.consumeString(30);
        String currency = data.consumeString(5);
        Map<String, Object> metrics = new LinkedHashMap<>();
        int count = data.consumeInt(0, 6);
        for (int i = 0; i < count; i++) {
            metrics.put("m" + i, switch (data.consumeInt(0, 3)) {
                case 0 -> BigDecimal.valueOf(data.consumeLong(), data.consumeInt(-5, 10));
                case 1 -> data.consumeLong();
                case 2 -> data.consumeString(20);
                default -> null;
            });
        }
        boolean converted = data.consumeBoolean();
        StringBuilder line = new StringBuilder();
        if (converted) {
            Csv.append(line, date, entityId, entityName, advertiserId, currency, metrics, "EUR",
                    Map.of(Metric.SPEND.apiName(), new BigDecimal("1.5")), List.of(Metric.SPEND));
        } else {
            Csv.append(line, date, entityId, entityName, advertiserId, currency, metrics);
        }
        assertThat(line.toString()).endsWith("\r\n");

        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(line.toString()))) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(1);
        List<String> cells = records.get(0).toList();
        assertThat(cells).hasSize(5 + count + (converted ? 2 : 0));
        assertThat(cells.get(0)).isEqualTo(date == null ? "" : date.toString());
        com.tttools.app.shared.CsvCellsFuzzTest.assertCellHolds(cells.get(1), entityId);
        com.tttools.app.shared.CsvCellsFuzzTest.assertCellHolds(cells.get(2), entityName);
        com.tttools.app.shared.CsvCellsFuzzTest.assertCellHolds(cells.get(3), advertiserId);
        com.tttools.app.shared.CsvCellsFuzzTest.assertCellHolds(cells.get(4), currency);
        int i = 5;
        for (Object value : metrics.values()) {
            String cell = cells.get(i++);
            if (value instanceof BigDecimal decimal) {
                assertThat(new BigDecimal(cell)).isEqualByComparingTo(decimal);
            } else if (value instanceof Long number) {
                assertThat(Long.parseLong(cell)).isEqualTo(number);
            } else if (value == null) {
                assertThat(cell).isEmpty();
            } else {
                com.tttools.app.shared.CsvCellsFuzzTest.assertCellHolds(cell, (String) value);
            }
        }
        if (converted) {
            assertThat(cells.subList(i, cells.size())).containsExactly("EUR", "1.5");
        }
    }
}
