package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Simulator mode after a restart: the simulator has forgotten every grant (here: this connection's token is
 * revoked, which the simulator answers the same way), and the connection must not keep showing ACTIVE.
 */
class SimulatorRestartChecksIT extends ConnectionTestSupport {

    @Autowired
    ConnectionHealth health;
    @Autowired
    SimulatorRestartChecks restartChecks;
    @Autowired
    ConnectionRepository repository;

    @Test
    void atStartEveryLiveConnectionIsMadeDueSoItsNextCheckShowsTheTruth() {
        Admin admin = admin("sim-restart");
        String id = connect(admin);
        UUID connection = UUID.fromString(id);
        health.check(com.tttools.app.shared.WorkspaceId.of(admin.workspaceId()), connection, Instant.now(), ConnectionHealth.SYSTEM, RequestMetadata.none());
        assertThat(get(admin, id).get("status").asString()).isEqualTo("ACTIVE");

        control("POST", "/_sim/tokens/revoke", Map.of("accessToken", tokenOf(admin, id).value()));
        // The regular schedule alone would leave it ACTIVE for up to 30 more minutes: it was just checked.
        assertThat(dueNow()).doesNotContain(connection);

        restartChecks.checkEveryConnectionAfterARestart();

        // Checked directly rather than by waiting for the scheduled run: the shared test database holds every
        // other test's connections, which that run would check first.
        // The scheduled run (now due for every connection) may hold this row's lock, which makes a direct check a
        // no-op: check again until one of them has recorded the truth.
        // Due now, unless the scheduled run (every connection just became due) already checked it: then it shows the truth.
        assertThat(dueNow().contains(connection) || "NEEDS_REAUTH".equals(get(admin, id).get("status").asString()))
                .as("made due by the restart checks, or already checked because of them").isTrue();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            health.check(com.tttools.app.shared.WorkspaceId.of(admin.workspaceId()), connection, Instant.now(), ConnectionHealth.SYSTEM, RequestMetadata.none());
            assertThat(get(admin, id).get("status").asString()).isEqualTo("NEEDS_REAUTH");
        });
        assertThat(get(admin, id).get("lastError").get("code").asInt()).isEqualTo(40105);
    }

    private List<UUID> dueNow() {
        return repository.dueForCheck(Instant.now().minus(ConnectionHealth.INTERVAL), Integer.MAX_VALUE).stream()
                .map(ref -> ref.connectionId().value()).toList();
    }

    private tools.jackson.databind.JsonNode get(Admin admin, String id) {
        var response = admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
