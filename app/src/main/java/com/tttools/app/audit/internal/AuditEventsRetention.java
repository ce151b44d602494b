package com.tttools.app.audit.internal;

import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import org.springframework.stereotype.Component;

/**
 * The audit log's part of the daily retention purge. The audit module keeps each organization's retention
 * itself (audit_retention, {@code AuditLog.setRetention}) and deletes per chain, oldest first, moving the chain's
 * anchor ({@link AuditPurge}); so only the run's time is taken from the cutoffs. Batches are
 * {@code tttools.audit.purge-batch-size} (at most 5,000).
 */
@Component
class AuditEventsRetention implements RetentionPurge {

    private final AuditPurge purge;

    AuditEventsRetention(AuditPurge purge) {
        this.purge = purge;
    }

    @Override
    public String dataClass() {
        return "audit_events";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        return purge.purgeChains(cutoffs.now()).values().stream().mapToLong(Long::longValue).sum();
    }
}
