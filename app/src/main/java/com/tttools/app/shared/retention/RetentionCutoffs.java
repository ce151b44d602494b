package com.tttools.app.shared.retention;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import java.time.Instant;

/**
 * Where one data class's retention ends at the time of a purge run: rows whose reference time (recorded,
 * finished, expired, ... as the class defines it) lies before the cutoff are deleted.
 */
public interface RetentionCutoffs {

    /** The time of the run (the purge's clock). */
    Instant now();

    /** The cutoff for rows of no particular organization, and for organizations that did not choose. */
    Instant cutoff();

    /** The cutoff for the organization's rows (its own choice where the class is configurable). */
    Instant forOrganization(OrganizationId organizationId);

    /** The cutoff for the workspace's rows: its organization's, or {@link #cutoff()} when it has none any more. */
    Instant forWorkspace(WorkspaceId workspaceId);
}
