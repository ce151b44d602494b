package com.tttools.app.reporting;

import com.tttools.app.shared.WorkspaceId;

/** Report queries over the stored daily facts of one workspace. */
public interface Reports {

    ReportResult run(WorkspaceId workspaceId, ReportQuery query);
}
