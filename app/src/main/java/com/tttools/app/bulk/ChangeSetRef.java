package com.tttools.app.bulk;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;

/** Which change set an event is about: enough for a notification or an audit line without a look-up. */
public record ChangeSetRef(WorkspaceId workspaceId, OrganizationId organizationId, String changeSetId,
        BulkAction action, BulkLevel level, int lines) {

    /** The change set's page in the app. */
    public String link() {
        return "/workspaces/" + workspaceId + "/bulk-operations/" + changeSetId;
    }
}
