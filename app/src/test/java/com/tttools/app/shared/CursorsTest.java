package com.tttools.app.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CursorsTest {

    private static String raw(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void whatIsEncodedDecodesForTheSameListAndTheLastFieldMayHoldAnything() {
        String cursor = Cursors.encode("inventory", "-name", "00000000-0000-0000-0000-000000000001", "Ads\nwith €");

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(Cursors.decode(cursor, "inventory", 3))
                .containsExactly("-name", "00000000-0000-0000-0000-000000000001", "Ads\nwith €");
        assertThat(Cursors.decode(null, "inventory", 3)).isNull();
        assertThat(Cursors.decode(" ", "inventory", 3)).isNull();
    }

    @Test
    void aCursorOfAnotherListOrWithAnotherShapeIsRefusedAsTheCursorField() {
        String jobs = Cursors.encode("jobs", "1", "00000000-0000-0000-0000-000000000001");

        assertThatThrownBy(() -> Cursors.decode(jobs, "audit", 2)).isInstanceOfSatisfying(
                ValidationFailedException.class, e -> assertThat(e.problems())
                        .containsExactly(new FieldProblem("cursor", "is not a cursor this API returned")));
        assertThatThrownBy(() -> Cursors.decode(jobs, "jobs", 3)).isInstanceOf(ValidationFailedException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "o:40", "c2\nreports\n40", "c1\nreports", "c1\nreports\n4\u00000"})
    void anythingElseIsRefused(String plain) {
        assertThatThrownBy(() -> Cursors.decode(raw(plain), "reports", 1)).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> Cursors.decode(plain, "reports", 1)).isInstanceOf(ValidationFailedException.class);
    }

    @Test
    void typedFieldsRoundTripAndRefuseWhatTheyDidNotWrite() {
        Instant at = Instant.parse("2026-11-29T10:15:30.123456Z");
        UUID id = UUID.randomUUID();

        assertThat(Cursors.instant(Cursors.instant(at))).isEqualTo(at);
        assertThat(Cursors.uuid(id.toString())).isEqualTo(id);
        assertThat(Cursors.offset("40")).isEqualTo(40);
        for (String bad : List.of("-1", "040", "4e1", "99999999999")) {
            assertThatThrownBy(() -> Cursors.offset(bad)).as(bad).isInstanceOf(ValidationFailedException.class);
        }
        for (String bad : List.of("x", "99999999999999999999", "-99999999999999999")) {
            assertThatThrownBy(() -> Cursors.instant(bad)).as(bad).isInstanceOf(ValidationFailedException.class);
        }
        assertThatThrownBy(() -> Cursors.uuid("1-1-1-1-1")).isInstanceOf(ValidationFailedException.class);
        assertThatThrownBy(() -> Cursors.uuid(id.toString().toUpperCase())).isInstanceOf(ValidationFailedException.class);
    }
}
