package com.tttools.app.audit.internal;

import java.util.Map;

/**
 * What one purge run deleted.
 *
 * @param auditRowsByChain audit rows deleted per chain (chains with nothing expired are absent)
 * @param securityEvents   security events deleted
 */
record PurgeReport(Map<String, Long> auditRowsByChain, long securityEvents) {

    PurgeReport {
        auditRowsByChain = Map.copyOf(auditRowsByChain);
    }

    long auditRows() {
        return auditRowsByChain.values().stream().mapToLong(Long::longValue).sum();
    }

    long auditRowsOf(String chain) {
        return auditRowsByChain.getOrDefault(chain, 0L);
    }
}
