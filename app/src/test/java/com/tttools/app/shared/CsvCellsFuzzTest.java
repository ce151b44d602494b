package com.tttools.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Parser fuzz targets for our CSV cells (security check 43): every text cell of the report and audit exports is
 * written by {@link CsvCells}; a strict RFC 4180 parser (Commons CSV) reads them back. Corpus:
 * {@code src/test/resources/com/tttools/app/shared/CsvCellsFuzzTestInputs/}.
 */
public class CsvCellsFuzzTest {

    private static final String FORMULA_START = "=+-@\t\r";

    /** Any text is one cell that reads back as itself, or as itself behind an apostrophe when it could run as a formula. */
    @FuzzTest
    void anyTextIsOneCellThatReadsBackAndNeverStartsAFormula(byte[] input) throws IOException {
        String value = new String(input, StandardCharsets.UTF_8);
        List<String> row = parse(CsvCells.text(value) + "\r\n").get(0);

        assertThat(row).hasSize(1);
        assertCellHolds(row.get(0), value);
    }

    /** A row of cells keeps its shape: as many cells as written, each reading back as above. */
    @FuzzTest
    void aRowOfCellsKeepsItsShape(FuzzedDataProvider data) throws IOException {
        List<String> values = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int count = data.consumeInt(1, 6);
        for (int i = 0; i < count; i++) {
            String value = data.consumeString(60);
            values.add(value);
            line.append(i == 0 ? "" : ",").append(CsvCells.text(value));
        }
        line.append("\r\n").append(CsvCells.text("next row")).append("\r\n");
        List<List<String>> rows = parse(line.toString());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertCellHolds(rows.get(0).get(i), values.get(i));
        }
        assertThat(rows.get(1)).containsExactly("next row");
    }

    static List<List<String>> parse(String csv) throws IOException {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(csv))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        }
    }

    /** The cell is the value, or the value behind an apostrophe; a spreadsheet sees no formula in it. */
    public static void assertCellHolds(String cell, String value) {
        if (cell.equals(value)) {
            assertThat(value).as("a cell left as it is").satisfies(CsvCellsFuzzTest::startsNoFormula);
        } else {
            assertThat(cell).isEqualTo("'" + value);
        }
        assertThat(cell).satisfies(CsvCellsFuzzTest::startsNoFormula);
    }

    /** Neither the cell nor any part a spreadsheet may split it into (on ; , or tab) starts a formula. */
    private static void startsNoFormula(String cell) {
        if (cell.isEmpty() || cell.startsWith("'")) {
            return;
        }
        assertThat(FORMULA_START.indexOf(cell.charAt(0))).as("first character of %s", cell).isNegative();
        assertThat(cell).doesNotContain(";").doesNotContain("\t");
        String[] segments = cell.split(",", -1);
        for (int i = 1; i < segments.length; i++) {
            String rest = segments[i].replaceFirst("^ +", "");
            assertThat(rest.isEmpty() ? -1 : "=+-@".indexOf(rest.charAt(0))).as("segment %s", segments[i]).isNegative();
        }
    }
}
