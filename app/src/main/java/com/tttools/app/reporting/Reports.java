package com.tttools.app.reporting;

import com.tttools.app.shared.WorkspaceId;

/** Report queries over the stored daily facts of one workspace. */
public interface Reports {

    ReportResult run(WorkspaceId workspaceId, ReportQuery query);

    /**
     * Every row of the report (no paging) as CSV, header row first, streamed from the database to {@code out}
     * (docs/reporting.md: columns, formats, CSV-injection guard); returns the row count.
     */
    long writeCsv(WorkspaceId workspaceId, ReportQuery query, java.io.OutputStream out) throws java.io.IOException;

    /** The finality ledger of the range, newest day first, at most {@code limit} entries. */
    java.util.List<FinalityDay> finality(WorkspaceId workspaceId, java.time.LocalDate from, java.time.LocalDate to,
            java.util.List<String> advertiserIds, int limit);
}
