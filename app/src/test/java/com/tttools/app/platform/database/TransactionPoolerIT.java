package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.TttoolsApplication;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.TenantProbe;
import com.tttools.app.support.Users;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The app through a transaction-mode pooler, as behind Supabase's port 6543: the test starts its own PgBouncer
 * ({@code pool_mode = transaction}) in front of this test's PostgreSQL and runs the app in a child JVM with
 * {@code DATABASE_URL} through it ({@code pgbouncer=true}: server-side prepared statements off) and
 * {@code DATABASE_MIGRATION_URL} direct. Sign-up, organization, TikTok connection, the asset and report syncs and
 * a report must work, and the server must see no more connections than PgBouncer's pool while the app's pool
 * holds more.
 *
 * <p>Without {@code pgbouncer} (Debian's package) the test is skipped with the reason, unless
 * {@code TTTOOLS_REQUIRE_PGBOUNCER=1} (as in .ci/run) makes that a failure.
 */
class TransactionPoolerIT extends IntegrationTest {

    @Autowired
    DatabaseServer database;

    @TempDir
    Path work;

    final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void theKeyFlowsWorkThroughAPgBouncerInTransactionMode() throws Exception {
        Path pgbouncer = Path.of("/usr/sbin/pgbouncer");
        if (!Files.isExecutable(pgbouncer)) {
            String reason = "pgbouncer is not installed (apt-get install pgbouncer)";
            if ("1".equals(System.getenv("TTTOOLS_REQUIRE_PGBOUNCER"))) {
                throw new IllegalStateException(reason + " — required because TTTOOLS_REQUIRE_PGBOUNCER=1");
            }
            Assumptions.abort(reason);
        }
        String name = "tttools_pool_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JdbcTarget server = database.target();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        URI direct = URI.create(server.jdbcUrl().substring("jdbc:".length()));
        String user = server.username() == null ? "postgres" : server.username();
        String credentials = "user=" + user + (server.password() == null ? "" : "&password=" + server.password());
        int bouncerPort = freePort();
        startPgBouncer(pgbouncer, direct.getPort(), bouncerPort, user);

        int port = freePort();
        String pooled = "jdbc:postgresql://127.0.0.1:" + bouncerPort + "/" + name + "?" + credentials + "&pgbouncer=true";
        String migrations = "jdbc:postgresql://127.0.0.1:" + direct.getPort() + "/" + name + "?" + credentials;
        File log = startApp(port, pooled, migrations);
        assertThat(Files.readString(log.toPath()))
                .contains("transaction-mode pooler: statements are not prepared on the server")
                .contains("Flyway migrates through DATABASE_MIGRATION_URL");

        ApiClient owner = Users.signedUp(port, Users.uniqueEmail("pooled"));
        JsonNode created = owner.post("/api/v1/organizations", Map.of("name", "Pooled Org", "workspace",
                Map.of("name", "Pooled", "timezone", "UTC", "currency", "USD"))).json();
        String workspace = created.get("workspace").get("id").asString();
        new SimulatorApi(this.port, ApiClient.JSON).connect(owner, workspace);
        for (String type : List.of("tiktok.asset-sync", "tiktok.report-sync")) {
            JsonNode job = await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(500))
                    .until(() -> owner.get("/api/v1/workspaces/" + workspace + "/jobs?type=" + type).json().get("items"),
                            items -> items.size() > 0 && items.get(0).get("status").asString().matches("SUCCEEDED|FAILED"));
            assertThat(job.get(0).get("status").asString()).as(type + ": " + job.get(0)).isEqualTo("SUCCEEDED");
        }
        LocalDate today = LocalDate.now();
        ApiClient.Response report = owner.get("/api/v1/workspaces/" + workspace + "/reports?level=CAMPAIGN&from="
                + today.minusDays(2) + "&to=" + today);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().get("totals").size()).as(report.body()).isPositive();
        assertThat(owner.get("/api/v1/me").status()).isEqualTo(200);

        // The app's pool holds 10 connections (to PgBouncer); the server sees at most PgBouncer's pool of 5 for the
        // database, so the app's transactions were multiplexed by the pooler.
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement statement = connection.createStatement();
             ResultSet backends = statement.executeQuery(
                     "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + name + "'")) {
            backends.next();
            assertThat(backends.getInt(1)).as("server connections to " + name).isBetween(1, 5);
        }
        // The workspace requests above (the jobs list read in auto-commit, the report in a transaction) ran under
        // row-level security: nothing of it outlives their transactions on PgBouncer's server connections, which a
        // client of the pooler gets in turn (each statement a transaction of its own, spread over the pool).
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + bouncerPort + "/"
                + name + "?" + credentials + "&prepareThreshold=0");
             Statement statement = connection.createStatement()) {
            for (int i = 0; i < 20; i++) {
                try (ResultSet who = statement.executeQuery(TenantProbe.WHO)) {
                    who.next();
                    assertThat(who.getString(1)).as("role and workspace a pooled server connection carries")
                            .isEqualTo(user + "/-");
                }
            }
        }
    }

    private void startPgBouncer(Path executable, int serverPort, int listenPort, String user) throws Exception {
        Path dir = Files.createDirectories(work.resolve("pgbouncer"));
        Files.writeString(dir.resolve("users.txt"), "\"" + user + "\" \"\"\n");
        Files.writeString(dir.resolve("pgbouncer.ini"), """
                [databases]
                * = host=127.0.0.1 port=%d
                [pgbouncer]
                listen_addr = 127.0.0.1
                listen_port = %d
                unix_socket_dir =
                auth_type = trust
                auth_file = %s
                admin_users = %s
                pool_mode = transaction
                default_pool_size = 5
                max_client_conn = 200
                ignore_startup_parameters = extra_float_digits
                """.formatted(serverPort, listenPort, dir.resolve("users.txt"), user));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PgBouncer refuses to run as root
            Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.addAll(List.of(executable.toString(), dir.resolve("pgbouncer.ini").toString()));
        File log = work.resolve("pgbouncer.log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("pgbouncer stopped: " + Files.readString(log.toPath()));
            }
            try (var socket = new java.net.Socket("127.0.0.1", listenPort)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    private File startApp(int port, String databaseUrl, String migrationUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TttoolsApplication.class.getName(),
                "--server.port=" + port,
                "--tttools.base-url=http://localhost:" + port,
                "--TTTOOLS_DATA_DIR=" + work.resolve("data"),
                "--tttools.tiktok.app-id=7000000000000000001",
                "--tttools.tiktok.app-secret=simulator-secret",
                "--tttools.tiktok.api-base-url=" + url("/tiktok-sim"),
                "--tttools.tiktok.auth-url=" + url("/tiktok-sim/portal/auth"),
                "--tttools.reporting.backfill-days=3",
                "--tttools.database.max-pool-size=10",
                "--tttools.scheduler.polling-interval=200ms");
        File log = work.resolve("app.log").toFile();
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
        builder.environment().put("DATABASE_URL", databaseUrl);
        builder.environment().put("DATABASE_MIGRATION_URL", migrationUrl);
        Process process = builder.start();
        processes.add(process);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app stopped: " + Files.readString(log.toPath()));
            }
            try {
                return Http.get("http://localhost:" + port + "/actuator/health/readiness").statusCode() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return log;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
