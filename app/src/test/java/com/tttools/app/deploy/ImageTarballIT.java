package com.tttools.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.ChildApp;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.TestDatabase;
import com.tttools.app.support.Users;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The OCI image Jib writes with {@code -Pimage} (target/jib-image.tar): its configuration (non-root user, the
 * entrypoint on the bundled runtime, port 8080) and a real run. With no container runtime on the build machine,
 * the layers are unpacked in order into a root file system and the entrypoint runs there under {@code chroot} as
 * the image's user, in private mount and PID namespaces with {@code /proc} and {@code /dev} mounted, i.e. what a
 * runtime gives a container; only the network is the host's. The app must become ready on its probes, sign a
 * user up against this test's PostgreSQL and shut down gracefully on SIGTERM.
 *
 * <p>Without the tarball (a build without {@code -Pimage}) or without root, the test is skipped with the
 * reason, unless {@code TTTOOLS_REQUIRE_IMAGE=1} makes that a failure. The default build does not run it at all
 * (failsafe excludes it outside the {@code image} profile).
 */
class ImageTarballIT extends IntegrationTest {

    static final Path TARBALL = Path.of("target", "jib-image.tar");
    static final int USER_ID = 10001;

    @Autowired
    DatabaseServer database;

    @TempDir
    Path work;

    Process container;

    @AfterEach
    void stop() {
        if (container != null) {
            container.descendants().forEach(ProcessHandle::destroyForcibly);
            container.destroyForcibly();
        }
    }

    @Test
    void theImageRunsAsANonRootUserAndServesItsProbes() throws Exception {
        requireImage();
        Path layout = work.resolve("layout");
        Files.createDirectories(layout);
        run(List.of("tar", "-xf", TARBALL.toAbsolutePath().toString(), "-C", layout.toString()));

        JsonNode index = ApiClient.JSON.readTree(layout.resolve("index.json").toFile());
        assertThat(index.path("manifests")).hasSize(1);
        JsonNode manifest = blob(layout, index.path("manifests").get(0).path("digest").asString());
        assertThat(manifest.path("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        JsonNode config = blob(layout, manifest.path("config").path("digest").asString()).path("config");
        assertThat(config.path("User").asString()).isEqualTo(USER_ID + ":" + USER_ID);
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(arg -> entrypoint.add(arg.asString()));
        assertThat(entrypoint).startsWith("/opt/java/bin/java").endsWith("com.tttools.app.TttoolsApplication");
        assertThat(config.path("ExposedPorts").has("8080/tcp")).isTrue();

        // the layers, bottom first, make the container's root file system
        Path root = work.resolve("root");
        Files.createDirectories(root);
        for (JsonNode layer : manifest.path("layers")) {
            assertThat(layer.path("mediaType").asString()).isEqualTo("application/vnd.oci.image.layer.v1.tar+gzip");
            run(List.of("tar", "-xzf", blobPath(layout, layer.path("digest").asString()).toString(),
                    "--no-same-owner", "-C", root.toString()));
        }
        assertThat(root.resolve("app/classes/com/tttools/app/TttoolsApplication.class")).exists();
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));

        int port = ChildApp.freePort();
        Map<String, String> env = new HashMap<>();
        config.path("Env").forEach(pair -> {
            String[] kv = pair.asString().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("DATABASE_URL", TestDatabase.createOn(database.target(), "tttools_image_"));   // over loopback
        env.put("TTTOOLS_DATA_DIR", "/tmp/data");
        env.put("TTTOOLS_BASE_URL", "http://localhost:" + port);
        // the entrypoint gets the image's environment only (env -i), as in a container
        String chroot = Stream.of("/usr/sbin/chroot", "/usr/bin/chroot", "/sbin/chroot")
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst().orElseThrow();
        String script = "mount -t proc proc \"$1/proc\" && mount --rbind /dev \"$1/dev\" && shift && exec \"$@\"";
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
                "--propagation", "private", "sh", "-c", script, "container", root.toString(), "env", "-i"));
        env.forEach((key, value) -> command.add(key + "=" + value));
        command.addAll(List.of(chroot, "--userspec=" + USER_ID + ":" + USER_ID, root.toString()));
        command.addAll(entrypoint);
        File log = work.resolve("container.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        container = builder.start();

        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!container.isAlive()) {
                throw new IllegalStateException("The container stopped: " + Files.readString(log.toPath()));
            }
            try {
                return Http.get("http://localhost:" + port + "/actuator/health/readiness").statusCode() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        assertThat(Http.get("http://localhost:" + port + "/actuator/health/liveness").statusCode()).isEqualTo(200);
        ProcessHandle app = container.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst().orElseThrow();
        String status = Files.readString(Path.of("/proc", Long.toString(app.pid()), "status"));
        assertThat(status).as("the app's process runs as the image's user").containsPattern("(?m)^Uid:\\s+" + USER_ID + "\\s");

        ApiClient user = Users.signedUp(port, Users.uniqueEmail("image"));
        assertThat(user.get("/api/v1/me").status()).isEqualTo(200);

        app.destroy();   // SIGTERM, as a runtime stops a container
        assertThat(app.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(Files.readString(log.toPath())).contains("Graceful shutdown complete");
    }

    private static void requireImage() {
        String missing = null;
        if (!Files.isRegularFile(TARBALL)) {
            missing = "No " + TARBALL + ": build it with `mvn -Pimage package` (docs/operations.md, Container image)";
        } else if (!"root".equals(System.getProperty("user.name")) || !System.getProperty("os.name").startsWith("Linux")) {
            missing = "Running the image without a container runtime needs root on Linux (unshare, chroot)";
        }
        if (missing == null) {
            return;
        }
        if ("1".equals(System.getenv("TTTOOLS_REQUIRE_IMAGE"))) {
            throw new IllegalStateException(missing + " — required because TTTOOLS_REQUIRE_IMAGE=1");
        }
        Assumptions.abort(missing);
    }

    private static JsonNode blob(Path layout, String digest) {
        return ApiClient.JSON.readTree(blobPath(layout, digest).toFile());
    }

    private static Path blobPath(Path layout, String digest) {
        String[] parts = digest.split(":", 2);
        return layout.resolve("blobs").resolve(parts[0]).resolve(parts[1]);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
