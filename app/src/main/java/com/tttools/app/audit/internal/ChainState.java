package com.tttools.app.audit.internal;

import java.time.Instant;
import java.util.UUID;

/**
 * An audit_chains row: the head (last row written) and the anchor (last row purged; seq 0 and 32 zero bytes
 * before any purge).
 */
record ChainState(
        String chain,
        UUID organizationId,
        long headSeq,
        byte[] headHash,
        Instant headRecordedAt,
        long anchorSeq,
        byte[] anchorHash) {
}
