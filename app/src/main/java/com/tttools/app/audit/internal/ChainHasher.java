package com.tttools.app.audit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The hash of an audit row: SHA-256 over its canonical serialization, version {@value #VERSION}. The
 * serialization is the list of fields below, in this order, each written as one byte 0 when null, or one
 * byte 1, a 4-byte big-endian length and that many bytes of UTF-8:
 * <ol>
 * <li>the version string {@value #VERSION}</li>
 * <li>chain, seq (decimal), id (lower-case UUID), organization_id, workspace_id</li>
 * <li>occurred_at and recorded_at, as decimal microseconds since 1970-01-01T00:00Z</li>
 * <li>actor_user_id, actor_email, actor_system, action, target_type, target_id, ip, user_agent, request_id</li>
 * <li>details, as PostgreSQL's text output of the jsonb value (keys in jsonb order, fixed spacing)</li>
 * <li>prev_hash, as 64 lower-case hex digits (the first row of a chain links to 32 zero bytes)</li>
 * </ol>
 * Length prefixes make the encoding unambiguous, so no two different rows serialize alike.
 */
final class ChainHasher {

    static final String VERSION = "tttools-audit-v1";
    static final byte[] GENESIS = new byte[32];

    private ChainHasher() {
    }

    static byte[] hash(AuditRow row) {
        return sha256(canonical(row));
    }

    static boolean matches(AuditRow row) {
        return MessageDigest.isEqual(hash(row), row.hash());
    }

    static byte[] canonical(AuditRow row) {
        List<String> fields = Arrays.asList(
                VERSION,
                row.chain(),
                Long.toString(row.seq()),
                text(row.id()),
                text(row.organizationId()),
                text(row.workspaceId()),
                micros(row.occurredAt()),
                micros(row.recordedAt()),
                text(row.actorUserId()),
                row.actorEmail(),
                row.actorSystem(),
                row.action(),
                row.targetType(),
                row.targetId(),
                row.ip(),
                row.userAgent(),
                row.requestId(),
                row.detailsJson(),
                HexFormat.of().formatHex(row.prevHash()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (String field : fields) {
                if (field == null) {
                    out.writeByte(0);
                } else {
                    byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
                    out.writeByte(1);
                    out.writeInt(utf8.length);
                    out.write(utf8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Timestamps are stored with microsecond precision, so rows are hashed at that precision. */
    static Instant toStoredPrecision(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static String micros(Instant instant) {
        return instant == null ? null : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
