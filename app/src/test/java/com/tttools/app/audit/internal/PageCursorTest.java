package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.audit.InvalidAuditInputException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PageCursorTest {

    @Test
    void whenEncodedAndDecodedThenThePositionIsKeptToTheMicrosecond() {
        PageCursor cursor = new PageCursor(Instant.parse("2026-11-29T10:15:30.123456Z"), UUID.randomUUID());

        assertThat(PageCursor.decode(cursor.encode())).isEqualTo(cursor);
        assertThat(PageCursor.decode(null)).isNull();
        assertThat(PageCursor.decode("")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "v1:1:x", "v2:1:00000000-0000-0000-0000-000000000001",
            "v1:99999999999999999999:00000000-0000-0000-0000-000000000001", "v1:1:00000000-0000-0000-0000-000000000001 "})
    void whenTheCursorIsNotOneWeIssuedThenItIsRejected(String plain) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> PageCursor.decode(encoded)).isInstanceOf(InvalidAuditInputException.class);
        assertThatThrownBy(() -> PageCursor.decode(plain)).isInstanceOf(InvalidAuditInputException.class);
    }
}
