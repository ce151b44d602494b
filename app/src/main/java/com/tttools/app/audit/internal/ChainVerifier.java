package com.tttools.app.audit.internal;

import com.tttools.app.audit.ChainVerification;
import java.security.MessageDigest;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks a chain from its anchor: each row must have the next seq, link to the previous row's hash and hash
 * to its own stored hash; the last row must be the chain's recorded head. One REPEATABLE READ snapshot, so
 * rows written meanwhile are neither half-seen nor reported as missing.
 */
@Component
class ChainVerifier {

    private final AuditChainRepository chains;
    private final AuditEventRepository events;
    private final TransactionTemplate snapshot;
    private final AuditErasureRepository erasures;

    ChainVerifier(AuditChainRepository chains, AuditEventRepository events, PlatformTransactionManager transactions,
            AuditErasureRepository erasures) {
        this.chains = chains;
        this.events = events;
        this.erasures = erasures;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    ChainVerification verify(String chain) {
        return snapshot.execute(status -> walk(chain));
    }

    private ChainVerification walk(String chain) {
        Optional<ChainState> found = chains.find(chain);
        if (found.isEmpty()) {
            return ChainVerification.intact(0);
        }
        ChainState state = found.get();
        Walk walk = new Walk(state.anchorSeq() + 1, state.anchorHash(), erasures.erasedIn(chain));
        events.walk(chain, walk::check);
        if (walk.broken != null) {
            return walk.broken;
        }
        long lastSeq = walk.expectedSeq - 1;
        if (lastSeq != state.headSeq() || !MessageDigest.isEqual(walk.previousHash, state.headHash())) {
            return new ChainVerification(false, walk.checked, null,
                    "the chain ends at seq " + lastSeq + " but its head is seq " + state.headSeq()
                            + ": rows are missing at the end");
        }
        return ChainVerification.intact(walk.checked);
    }

    private static final class Walk {
        long expectedSeq;
        byte[] previousHash;
        long checked;
        ChainVerification broken;
        final java.util.Set<java.util.UUID> erased;

        Walk(long expectedSeq, byte[] previousHash, java.util.Set<java.util.UUID> erased) {
            this.expectedSeq = expectedSeq;
            this.previousHash = previousHash;
            this.erased = erased;
        }

        boolean check(AuditRow row) {
            checked++;
            if (row.seq() != expectedSeq) {
                broken = ChainVerification.brokenAt(row.id(), checked,
                        "expected seq " + expectedSeq + " but found " + row.seq() + ": rows are missing before it");
            } else if (!MessageDigest.isEqual(row.prevHash(), previousHash)) {
                broken = ChainVerification.brokenAt(row.id(), checked, "it does not link to the previous row's hash");
            } else if (!erased.contains(row.id()) && !ChainHasher.matches(row)) {
                // an erased row (a deleted account's personal data, docs/privacy.md) is checked by its links only
                broken = ChainVerification.brokenAt(row.id(), checked, "its content does not match its hash");
            } else {
                expectedSeq++;
                previousHash = row.hash();
                return true;
            }
            return false;
        }
    }
}
