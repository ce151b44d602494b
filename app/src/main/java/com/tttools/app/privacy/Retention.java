package com.tttools.app.privacy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import java.util.List;

/**
 * How long an organization's data is kept, per data class (docs/retention.md). Callers have authorized the
 * organization before (organization permission {@code MANAGE_RETENTION}).
 */
public interface Retention {

    /** Every data class in catalogue order, with the organization's current days where they are configurable. */
    List<RetentionSetting> settings(OrganizationId organizationId);

    /**
     * Changes the listed classes (others stay as they are) and records one {@code privacy.retention_changed}
     * per changed class ({@code audit.retention_changed} for the audit log). All or nothing.
     *
     * @return the settings after the change
     * @throws com.tttools.app.shared.ValidationFailedException (422) for an unknown class, days outside the
     *                                                          bounds, or a change to a fixed class
     */
    List<RetentionSetting> change(OrganizationId organizationId, List<RetentionChange> changes, Actor changedBy,
            RequestMetadata request);
}
