package com.tttools.app.audit;

import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.RequestMetadata;
import java.io.Writer;

/**
 * The audit log. Most modules never call it: they publish an {@code AuditableEvent} and the audit module
 * stores it after their transaction commits. Call {@link #record} only when the row must be written inside
 * the caller's own transaction.
 */
public interface AuditLog {

    /**
     * Appends one entry to its chain (the organization's; else the acting user's; else the system chain),
     * joining the caller's transaction when there is one. Secret-looking details are masked first.
     */
    AuditEvent record(AuditEntry entry);

    /** One page of the organization's events visible to the query, newest first. */
    CursorPage<AuditEvent> search(AuditQuery query);

    /**
     * Writes every event the query matches (its cursor and limit ignored) as CSV, streamed from the
     * database, and records {@link AuditAction#AUDIT_EXPORTED} for {@code exportedBy}.
     *
     * @return the number of data rows written
     */
    long streamCsv(AuditQuery query, Actor exportedBy, RequestMetadata request, Writer out);

    /**
     * The people who acted in the events visible to the query's scope (organization and visible workspaces; its
     * other filters ignored), by email, at most {@code limit}: what the viewer's actor filter offers.
     */
    java.util.List<Actor> actors(AuditQuery query, int limit);

    /** Walks the organization's chain from its anchor and reports the first row that does not fit. */
    ChainVerification verify(OrganizationId organizationId);

    /** Days the organization keeps its audit events (the default when it never chose). */
    int retentionDays(OrganizationId organizationId);

    /**
     * Sets how long the organization keeps its audit events, 90 to 3650 days, and records
     * {@link AuditAction#AUDIT_RETENTION_CHANGED}.
     *
     * @throws InvalidAuditInputException when {@code days} is out of range
     */
    void setRetention(OrganizationId organizationId, int days, Actor changedBy, RequestMetadata request);
}
