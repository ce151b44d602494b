package com.tttools.app.tiktok.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Simulator mode after a restart: the simulator has forgotten every grant (here: this connection's token is
 * revoked, which the simulator answers the same way), and the connection must not keep showing ACTIVE.
 */
class SimulatorRestartChecksTest extends ConnectionTestSupport {

    @Autowired
    ConnectionHealth health;
    @Autowired
    SimulatorRestartChecks restartChecks;

    @Test
    void atStartEveryLiveConnectionIsCheckedAtOnceAndShowsTheTruth() {
        Admin admin = admin("sim-restart");
        String id = connect(admin);
        health.checkDue(Instant.now());
        assertThat(get(admin, id).get("status").asString()).isEqualTo("ACTIVE");

        control("POST", "/_sim/tokens/revoke", Map.of("accessToken", tokenOf(admin, id).value()));
        // The regular schedule alone would show ACTIVE for up to 30 more minutes: it was just checked.
        health.checkDue(Instant.now());
        assertThat(get(admin, id).get("status").asString()).isEqualTo("ACTIVE");

        restartChecks.checkEveryConnectionAfterARestart();

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> get(admin, id).get("status").asString(), "NEEDS_REAUTH"::equals);
        assertThat(get(admin, id).get("lastError").get("code").asInt()).isEqualTo(40105);
    }

    private tools.jackson.databind.JsonNode get(Admin admin, String id) {
        var response = admin.api().get("/api/v1/workspaces/" + admin.workspaceId() + "/connections/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
