package com.tttools.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV injection: a cell a spreadsheet could split (on ; or tab) or run as a formula is quoted and neutralised. */
class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0;=cmd|' /C calc'!A0",
            "Mozilla/5.0 (X11; Linux x86_64)",
            "name\t=1+1",
            "campaign;+1+1",
            "a;@SUM(A1)",
            "a,-2+3",
            "a, =1+1",
            "spring;-sale",
            "\t=1+2"})
    void cellsThatASpreadsheetCouldSplitOrRunAreQuotedAndStartWithAnApostrophe(String payload) {
        String cell = CsvCells.text(payload);

        assertThat(cell).startsWith("\"'").endsWith("\"");
        // the content between the quotes is the payload behind the apostrophe, quotes doubled
        assertThat(cell.substring(2, cell.length() - 1)).isEqualTo(payload.replace("\"", "\"\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Spring sale|Spring sale",
            "Spring sale - Q1|Spring sale - Q1",
            "a-b@c.de|a-b@c.de",
            "Sale, Q1|\"Sale, Q1\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "1+1|1+1",
            "=1+2|'=1+2",
            "@SUM(A1)|'@SUM(A1)"})
    void harmlessCellsAreLeftAsTheyAreAndALeadingFormulaGetsAnApostrophe(String payload, String expected) {
        assertThat(CsvCells.text(payload)).isEqualTo(expected);
    }
}
