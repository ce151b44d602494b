package com.tttools.app.reporting.internal;

import com.tttools.app.reporting.ReportQuery;

/** The report CSV's select list, for the benchmark's anchor (the same SELECT the export sends). */
public final class ReportCsvForTests {

    private ReportCsvForTests() {
    }

    public static String columns(ReportQuery query, String row, String spendConverted) {
        return ReportCsv.columns(query, row, spendConverted);
    }
}
