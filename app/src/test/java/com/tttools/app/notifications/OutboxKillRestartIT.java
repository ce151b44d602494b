package com.tttools.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.TttoolsApplication;
import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.Http;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The outbox survives a {@code kill -9} between commit and send: a child JVM of the app commits a sign-up and its
 * confirmation mail's delivery while its e-mail provider cannot be reached, and is killed with SIGKILL before the
 * provider has received anything; a second child on the same database (provider reachable now) sends the mail, and
 * the fake Resend server receives it exactly once, with the delivery's idempotency key.
 */
class OutboxKillRestartIT extends IntegrationTest {

    @Autowired
    DatabaseServer database;
    @TempDir
    Path dataDir;
    final List<Process> children = new ArrayList<>();
    final FakeHttpProvider resend = new FakeHttpProvider(new FakeHttpProvider.Answer(200, Map.of(),
            "{\"id\":\"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794\"}"));

    @AfterEach
    void cleanUp() {
        children.forEach(Process::destroyForcibly);
        resend.close();
    }

    @Test
    void aCommittedDeliveryIsSentExactlyOnceAfterTheAppIsKilledBeforeSendingIt() throws Exception {
        String jdbcUrl = createDatabase();
        JdbcClient childDb = JdbcClient.create(new DriverManagerDataSource(jdbcUrl));
        int firstPort = freePort();
        Process first = startChild(firstPort, jdbcUrl, "first", "http://127.0.0.1:" + freePort());
        String email = Users.uniqueEmail("outbox-kill");
        ApiClient.Response signup = new ApiClient(firstPort).post("/api/v1/auth/signup", Users.signup(email));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        UUID delivery = await().atMost(Duration.ofSeconds(30)).until(() -> childDb.sql(
                        "SELECT id FROM notification_deliveries WHERE address = :to AND status = 'QUEUED'")
                .param("to", email).query(UUID.class).optional().orElse(null), id -> id != null);

        first.destroyForcibly().waitFor();   // SIGKILL: no shutdown hooks, nothing flushed
        assertThat(resend.requests()).as("the provider received nothing before the kill").isEmpty();

        startChild(freePort(), jdbcUrl, "second", resend.baseUrl());
        await().atMost(Duration.ofSeconds(120)).until(() -> "SENT".equals(childDb.sql(
                "SELECT status FROM notification_deliveries WHERE id = :id").param("id", delivery)
                .query(String.class).single()));
        // nothing left to run for it, and the provider got it once
        await().atMost(Duration.ofSeconds(30)).until(() -> childDb.sql("""
                        SELECT count(*) FROM scheduled_tasks WHERE task_name = 'notification-delivery'
                          AND task_instance = :id""").param("id", delivery.toString()).query(Long.class).single() == 0);
        List<FakeHttpProvider.Recorded> sent = resend.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/emails")).toList();
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.body()).contains(email);
            assertThat(r.header("Idempotency-Key")).isEqualTo("delivery/" + delivery);
        });
    }

    private Process startChild(int port, String jdbcUrl, String name, String resendUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TttoolsApplication.class.getName(),
                "--server.port=" + port,
                "--tttools.base-url=http://localhost:" + port,
                "--tttools.database.url=" + jdbcUrl,
                "--TTTOOLS_DATA_DIR=" + dataDir,
                "--tttools.mail.resend-api-key=re_test_key",
                "--tttools.mail.resend-api-url=" + resendUrl,
                "--tttools.notifications.first-retry-delay=2s",
                "--tttools.reporting.sync-on-connect=false",
                "--tttools.scheduler.polling-interval=200ms",
                "--tttools.scheduler.heartbeat-interval=1s",
                "--tttools.scheduler.missed-heartbeats-limit=4",
                "--logging.level.root=WARN");
        File log = dataDir.resolve("child-" + name + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        children.add(process);
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("The child app stopped: " + Files.readString(log.toPath()));
            }
            try {
                return Http.get("http://localhost:" + port + "/actuator/health/readiness").statusCode() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return process;
    }

    /** A fresh database on this test's PostgreSQL server for the child apps. */
    private String createDatabase() throws Exception {
        String name = "tttools_child_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var target = database.target();
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), target.username(), target.password());
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String base = target.jdbcUrl();
        int query = base.indexOf('?');
        String withoutQuery = query >= 0 ? base.substring(0, query) : base;
        String jdbc = withoutQuery.substring(0, withoutQuery.lastIndexOf('/') + 1) + name
                + (query >= 0 ? base.substring(query) : "");
        if (target.username() != null && !jdbc.contains("user=")) {
            jdbc += (jdbc.contains("?") ? "&" : "?") + "user=" + target.username()
                    + (target.password() == null ? "" : "&password=" + target.password());
        }
        return jdbc;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
