package com.tttools.app.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The audit_chains rows. Locking a chain's row (SELECT ... FOR UPDATE) is how writers and the purge of one
 * chain take turns, so that each new row links to the row written just before it.
 */
@Repository
class AuditChainRepository {

    private static final String COLUMNS = """
            chain, organization_id, head_seq, head_hash, head_recorded_at, anchor_seq, anchor_hash""";

    private static final RowMapper<ChainState> STATE = (rs, rowNum) -> new ChainState(
            rs.getString("chain"),
            rs.getObject("organization_id", UUID.class),
            rs.getLong("head_seq"),
            rs.getBytes("head_hash"),
            SqlTime.read(rs, "head_recorded_at"),
            rs.getLong("anchor_seq"),
            rs.getBytes("anchor_hash"));

    private final JdbcClient jdbc;

    AuditChainRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates the chain on its first event, then locks its row until the transaction ends. The conflict target is
     * left open on purpose: an organisation's chain is unique by name and by organisation id, and two writers racing
     * to create it may collide on either index first; naming only one made the loser fail instead of waiting.
     */
    ChainState lock(String chain, UUID organizationId) {
        jdbc.sql("""
                        INSERT INTO audit_chains (chain, organization_id, head_hash, anchor_hash)
                        VALUES (:chain, :organizationId, :genesis, :genesis)
                        ON CONFLICT DO NOTHING
                        """)
                .param("chain", chain)
                .param("organizationId", organizationId)
                .param("genesis", ChainHasher.GENESIS)
                .update();
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_chains WHERE chain = :chain FOR UPDATE")
                .param("chain", chain)
                .query(STATE)
                .single();
    }

    /** Locks an existing chain's row until the transaction ends (the purge's turn). */
    ChainState lockExisting(String chain) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_chains WHERE chain = :chain FOR UPDATE")
                .param("chain", chain)
                .query(STATE)
                .single();
    }

    Optional<ChainState> find(String chain) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_chains WHERE chain = :chain")
                .param("chain", chain)
                .query(STATE)
                .optional();
    }

    List<ChainState> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_chains ORDER BY chain")
                .query(STATE)
                .list();
    }

    int advanceHead(String chain, long seq, byte[] hash, Instant recordedAt) {
        return jdbc.sql("""
                        UPDATE audit_chains
                        SET head_seq = :seq, head_hash = :hash, head_recorded_at = :recordedAt
                        WHERE chain = :chain AND head_seq = :seq - 1
                        """)
                .param("chain", chain)
                .param("seq", seq)
                .param("hash", hash)
                .param("recordedAt", SqlTime.of(recordedAt))
                .update();
    }

    void moveAnchor(String chain, long seq, byte[] hash, long purged) {
        jdbc.sql("""
                        UPDATE audit_chains
                        SET anchor_seq = :seq, anchor_hash = :hash, purged_count = purged_count + :purged
                        WHERE chain = :chain
                        """)
                .param("chain", chain)
                .param("seq", seq)
                .param("hash", hash)
                .param("purged", purged)
                .update();
    }
}
