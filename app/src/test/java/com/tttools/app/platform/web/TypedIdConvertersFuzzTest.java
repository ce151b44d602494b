package com.tttools.app.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.tttools.app.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Parser fuzz target for the typed path ids (security check 43): every {@code @PathVariable WorkspaceId} (and the
 * other ids) is read through {@link TypedIdConverters}. Corpus:
 * {@code src/test/resources/com/tttools/app/platform/web/TypedIdConvertersFuzzTestInputs/}.
 */
class TypedIdConvertersFuzzTest {

    /** A path segment names one id in its canonical spelling (any letter case) or nothing (404); never another id. */
    @FuzzTest
    void aPathIdIsItsCanonicalUuidOrNotFound(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        UUID id;
        try {
            id = TypedIdConverters.uuid(value, "Workspace");
        } catch (NotFoundException notFound) {
            assertThat(notFound).hasMessage("Workspace not found");
            return;
        }
        assertThat(id.toString()).isEqualTo(value.toLowerCase(Locale.ROOT));
        assertThat(TypedIdConverters.uuid(id.toString(), "Workspace")).isEqualTo(id);
    }
}
