package com.tttools.app.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * One audit_events row exactly as stored and hashed. {@code detailsJson} is PostgreSQL's own text form of
 * the jsonb value (what {@code details::text} returns), which is what the hash covers.
 */
record AuditRow(
        UUID id,
        String chain,
        long seq,
        UUID organizationId,
        UUID workspaceId,
        Instant occurredAt,
        Instant recordedAt,
        UUID actorUserId,
        String actorEmail,
        String actorSystem,
        String action,
        String targetType,
        String targetId,
        String ip,
        String userAgent,
        String requestId,
        String detailsJson,
        byte[] prevHash,
        byte[] hash) {

    AuditRow withHash(byte[] newHash) {
        return new AuditRow(id, chain, seq, organizationId, workspaceId, occurredAt, recordedAt, actorUserId,
                actorEmail, actorSystem, action, targetType, targetId, ip, userAgent, requestId, detailsJson,
                prevHash, newHash);
    }
}
