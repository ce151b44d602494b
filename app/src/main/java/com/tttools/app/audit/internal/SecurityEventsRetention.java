package com.tttools.app.audit.internal;

import com.tttools.app.shared.retention.RetentionCutoffs;
import com.tttools.app.shared.retention.RetentionPurge;
import org.springframework.stereotype.Component;

/** Security events recorded before the cutoff (90 days), in batches of {@code tttools.audit.purge-batch-size}. */
@Component
class SecurityEventsRetention implements RetentionPurge {

    private final AuditPurge purge;

    SecurityEventsRetention(AuditPurge purge) {
        this.purge = purge;
    }

    @Override
    public String dataClass() {
        return "security_events";
    }

    @Override
    public long purge(RetentionCutoffs cutoffs, int batchSize) {
        return purge.purgeSecurityEvents(cutoffs.cutoff(), cutoffs.now());
    }
}
