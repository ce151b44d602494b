package com.tttools.app.reporting;

import com.tttools.app.shared.WorkspaceId;

/** Report queries over the stored daily facts of one workspace. */
public interface Reports {

    ReportResult run(WorkspaceId workspaceId, ReportQuery query);

    /** Every row of the report (no paging), streamed from the database to {@code out}; returns the row count. */
    long stream(WorkspaceId workspaceId, ReportQuery query, java.util.function.Consumer<ReportResult.Row> out);

    /** The finality ledger of the range, newest day first, at most {@code limit} entries. */
    java.util.List<FinalityDay> finality(WorkspaceId workspaceId, java.time.LocalDate from, java.time.LocalDate to,
            java.util.List<String> advertiserIds, int limit);
}
