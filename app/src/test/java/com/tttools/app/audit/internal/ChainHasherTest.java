package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainHasherTest {

    static AuditRow row(String targetType, String targetId, String actorEmail) {
        return new AuditRow(UUID.fromString("00000000-0000-0000-0000-000000000001"), "org:x", 1, null, null,
                Instant.parse("2026-11-29T10:15:30.123456Z"), Instant.parse("2026-11-29T10:15:30.123456Z"), null,
                actorEmail, "job:test", "workspace.updated", targetType, targetId, null, null, null, "{}",
                ChainHasher.GENESIS, null);
    }

    @Test
    void whenTheSameRowIsHashedTwiceThenTheHashIsTheSame() {
        assertThat(ChainHasher.hash(row("a", "b", null))).isEqualTo(ChainHasher.hash(row("a", "b", null)));
    }

    @Test
    void whenCharactersMoveBetweenFieldsThenTheHashChanges() {
        assertThat(ChainHasher.hash(row("ab", "c", null))).isNotEqualTo(ChainHasher.hash(row("a", "bc", null)));
    }

    @Test
    void whenAFieldIsNullRatherThanEmptyThenTheHashChanges() {
        assertThat(ChainHasher.hash(row("a", "b", null))).isNotEqualTo(ChainHasher.hash(row("a", "b", "")));
    }

    @Test
    void whenTheVersionOneSerializationIsComputedThenItMatchesTheDocumentedLayout() {
        byte[] canonical = ChainHasher.canonical(row("a", "b", null));
        String hex = HexFormat.of().formatHex(canonical);

        // version string first: byte 1, length 16, "tttools-audit-v1"
        assertThat(hex).startsWith("0100000010" + HexFormat.of().formatHex("tttools-audit-v1".getBytes()));
        // prev_hash last: 64 hex digits of zeros, written as text
        assertThat(hex).endsWith("0100000040" + "30".repeat(64));
        assertThat(ChainHasher.hash(row("a", "b", null))).hasSize(32);
    }
}
