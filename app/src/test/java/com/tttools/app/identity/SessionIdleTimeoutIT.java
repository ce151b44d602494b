package com.tttools.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Security check 16 (docs/security-tests.md): a session idle for just under 30 minutes still works, one idle for
 * just over 30 minutes is gone. Spring Session reads the last access from the stored row and compares it with the
 * clock, so the test moves the stored last access back instead of waiting.
 */
class SessionIdleTimeoutIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSessionIdleForJustUnderThirtyMinutesLivesAndOneIdleForJustOverIsGone() {
        ApiClient fresh = Users.signedUp(port, Users.uniqueEmail("idle-under"));
        idleFor(fresh, Duration.ofMinutes(30).minusSeconds(10));
        assertThat(fresh.get("/api/v1/me").status()).isEqualTo(200);

        ApiClient stale = Users.signedUp(port, Users.uniqueEmail("idle-over"));
        idleFor(stale, Duration.ofMinutes(30).plusSeconds(1));
        assertThat(stale.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from spring_session where session_id = :id")
                .param("id", stale.sessionCookie()).query(Integer.class).single()).as("the expired row is deleted").isZero();
    }

    private void idleFor(ApiClient client, Duration idle) {
        long lastAccess = System.currentTimeMillis() - idle.toMillis();
        int updated = jdbc.sql("""
                        update spring_session set last_access_time = :at, expiry_time = :at + max_inactive_interval * 1000
                        where session_id = :id and max_inactive_interval = 1800""")
                .param("at", lastAccess).param("id", client.sessionCookie()).update();
        assertThat(updated).as("the session row, with a 30-minute idle timeout").isEqualTo(1);
    }
}
