package com.tttools.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.ChildApp;
import com.tttools.app.support.FakeHttpProvider;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.nio.file.Path;
import java.time.Duration;
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
    ChildApp children;
    final FakeHttpProvider resend = new FakeHttpProvider(new FakeHttpProvider.Answer(200, Map.of(),
            "{\"id\":\"49a3999c-0ce1-4ea6-ab68-afcd6dc2e794\"}"));

    @AfterEach
    void cleanUp() {
        if (children != null) {
            children.close();
        }
        resend.close();
    }

    @Test
    void aCommittedDeliveryIsSentExactlyOnceAfterTheAppIsKilledBeforeSendingIt() throws Exception {
        children = ChildApp.withFreshDatabase(database, dataDir, url("/tiktok-sim"));
        JdbcClient childDb = JdbcClient.create(new DriverManagerDataSource(children.jdbcUrl()));
        ChildApp.Child first = children.start("first", Duration.ofSeconds(300),
                resendAt("http://127.0.0.1:" + ChildApp.freePort()));
        String email = Users.uniqueEmail("outbox-kill");
        ApiClient.Response signup = new ApiClient(first.port()).post("/api/v1/auth/signup", Users.signup(email));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        UUID delivery = await().atMost(Duration.ofSeconds(30)).until(() -> childDb.sql(
                        "SELECT id FROM notification_deliveries WHERE address = :to AND status = 'QUEUED'")
                .param("to", email).query(UUID.class).optional().orElse(null), id -> id != null);

        first.kill();   // SIGKILL: no shutdown hooks, nothing flushed
        assertThat(resend.requests()).as("the provider received nothing before the kill").isEmpty();

        children.start("second", Duration.ofSeconds(300), resendAt(resend.baseUrl()));
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

    /** The child's e-mail provider: the fake Resend server, or an address where nothing answers. */
    private static String[] resendAt(String url) {
        return new String[] {"--tttools.mail.resend-api-key=re_test_key", "--tttools.mail.resend-api-url=" + url,
                "--tttools.notifications.first-retry-delay=2s"};
    }
}
