package com.tttools.app.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Locale;
import java.util.UUID;

/**
 * Parser fuzz target for the typed path ids (security check 43): every {@code @PathVariable WorkspaceId} (and the
 * other ids) is read through {@link PathIds}. Corpus: {@code src/test/resources/com/tttools/app/shared/PathIdsFuzzTestInputs/}.
 */
class PathIdsFuzzTest {

    /** A path segment names one id in its canonical spelling (any letter case) or nothing (404); never another id. */
    @FuzzTest
    void aPathIdIsItsCanonicalUuidOrNotFound(byte[] input) {
        String value = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        UUID id;
        try {
            id = PathIds.uuid(value, "Workspace");
        } catch (NotFoundException notFound) {
            assertThat(notFound).hasMessage("Workspace not found");
            return;
        }
        assertThat(id.toString()).isEqualTo(value.toLowerCase(Locale.ROOT));
        assertThat(PathIds.workspace(value).value()).isEqualTo(id);
        assertThat(PathIds.workspace(id.toString()).value()).isEqualTo(id);
    }
}
