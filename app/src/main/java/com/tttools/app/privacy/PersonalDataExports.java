package com.tttools.app.privacy;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import java.util.List;
import java.util.Optional;

/**
 * Exports of personal data (a user's own) and of an organization's data (for its owners). Built by a background
 * job, kept as a ZIP (JSON + CSV) for 24 hours, answered only to the user who asked: anyone else gets "not found".
 */
public interface PersonalDataExports {

    /** The caller's data, collected now (the same content as the ZIP's data.json); audited with the request. */
    PersonalDataExport collect(UserId userId, RequestMetadata request);

    /** Queues an export of the user's data; a repeat with the same idempotency key returns the first one. */
    PersonalDataExportStatus request(UserId userId, String idempotencyKey);

    Optional<PersonalDataExportStatus> find(UserId userId, String exportId);

    /** The user's recent exports, newest first. */
    List<PersonalDataExportStatus> recent(UserId userId, int limit);

    /** The ZIP while it is ready and unexpired, and only to the user who asked for it; audited with the request. */
    Optional<byte[]> download(UserId userId, String exportId, RequestMetadata request);

    /**
     * Queues an export of the organization's data (members, workspaces, settings, audit log).
     *
     * @throws com.tttools.app.shared.NotFoundException when the caller is not a member
     * @throws com.tttools.app.shared.ForbiddenException when the caller is not an owner
     */
    PersonalDataExportStatus requestOrganization(UserId userId, OrganizationId organizationId, String idempotencyKey);

    /** The organization exports this owner asked for, newest first (each owner sees only their own). */
    List<PersonalDataExportStatus> recentOrganization(UserId userId, OrganizationId organizationId, int limit);

    Optional<PersonalDataExportStatus> findOrganization(UserId userId, OrganizationId organizationId, String exportId);

    Optional<byte[]> downloadOrganization(UserId userId, OrganizationId organizationId, String exportId);
}
