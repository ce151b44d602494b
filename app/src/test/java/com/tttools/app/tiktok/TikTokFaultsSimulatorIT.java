package com.tttools.app.tiktok;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.tiktok.client.AdvertiserGrant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each error class against the simulator's fault injection (test retry settings: 4 attempts, backoff from
 * 100 ms doubling to at most 2 s, jitter 0.25; read timeout 2 s).
 */
class TikTokFaultsSimulatorIT extends SimulatorTestSupport {

    static final String PATH = "/user/info/";

    AdvertiserGrant grant;

    @BeforeEach
    void connectOnce() {
        grant = connect();
        control("DELETE", "/_sim/stats", null);
    }

    @Test
    void threeGatewayErrorsThenSuccessTakesFourCallsWithGrowingGaps() {
        fault(grant.accessToken(), Map.of("path", PATH, "httpStatus", 503, "next", 3));

        try (AttemptLog log = new AttemptLog()) {
            assertThat(oauth.userInfo(grant.accessToken()).displayName()).isNotBlank();

            assertThat(callsTo(grant.accessToken(), PATH)).isEqualTo(4);
            // the waits the client chose (jitter 0.25 keeps each at least 1.5x the one before), not wall time,
            // which a loaded machine stretches at random
            List<Long> waits = log.retryWaits();
            assertThat(waits).hasSize(3);
            for (int i = 1; i < waits.size(); i++) {
                assertThat(waits.get(i)).as("waits %s", waits).isGreaterThanOrEqualTo((long) (waits.get(i - 1) * 1.5));
            }
            assertThat(waits).allMatch(wait -> wait >= 75 && wait <= 2_000);
        }
    }

    @Test
    void persistentServerErrorGivesUpAfterTheConfiguredAttemptsWithTheLastError() {
        fault(grant.accessToken(), Map.of("path", PATH, "httpStatus", 500, "rate", 1.0));

        assertThatThrownBy(() -> oauth.userInfo(grant.accessToken()))
                .isInstanceOfSatisfying(TikTokUnavailableException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.getMessage()).contains("HTTP 500").doesNotContain(grant.accessToken().value());
                });
        assertThat(callsTo(grant.accessToken(), PATH)).isEqualTo(4);
    }

    @Test
    void revokedTokenNeedsReauthorizationWithoutRetry() {
        fault(grant.accessToken(), Map.of("path", PATH, "code", 40105, "rate", 1.0));

        assertThatThrownBy(() -> oauth.userInfo(grant.accessToken()))
                .isInstanceOfSatisfying(NeedsReauthorizationException.class,
                        e -> assertThat(e.getMessage()).contains("40105").doesNotContain(grant.accessToken().value()));
        assertThat(callsTo(grant.accessToken(), PATH)).isEqualTo(1);
    }

    @Test
    void htmlBadGatewayIsRetried() {
        assertRetriedToSuccess(Map.of("httpStatus", 502, "next", 1));
    }

    @Test
    void malformedJsonIsRetried() {
        assertRetriedToSuccess(Map.of("malformed", true, "next", 2));
    }

    @Test
    void systemErrorsAndMaintenanceAreRetried() {
        assertRetriedToSuccess(Map.of("code", 50000, "next", 1), Map.of("code", 50002, "next", 1),
                Map.of("code", 60001, "next", 1));
    }

    @Test
    void rateLimitAnswersAreWaitedOutThroughTheLimiter() {
        assertRetriedToSuccess(Map.of("code", 40100, "next", 1), Map.of("code", 40133, "next", 1),
                Map.of("code", 40016, "next", 1));
    }

    @Test
    void permissionInvalidAndQueryTooLargeAreTypedAndNotRetried() {
        fault(grant.accessToken(), Map.of("path", PATH, "code", 40001, "next", 1));
        fault(grant.accessToken(), Map.of("path", PATH, "code", 40002, "next", 1));
        fault(grant.accessToken(), Map.of("path", PATH, "code", 40067, "next", 1));

        assertThatThrownBy(() -> oauth.userInfo(grant.accessToken())).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> oauth.userInfo(grant.accessToken())).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> oauth.userInfo(grant.accessToken())).isInstanceOf(QueryTooLargeException.class);
        assertThat(callsTo(grant.accessToken(), PATH)).isEqualTo(3);
    }

    @Test
    void aSlowAnswerTimesOutAtTheConfiguredReadTimeoutAndIsRetried() {
        fault(grant.accessToken(), Map.of("path", PATH, "latencyMs", 4_000, "next", 1));

        long started = System.nanoTime();
        assertThat(oauth.userInfo(grant.accessToken()).displayName()).isNotBlank();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        // Not sooner than the 2 s read timeout; that it did not wait out the 4 s answer shows in the second call
        // the simulator counts (an answer after 4 s would have succeeded without a retry). No upper wall-time bound:
        // it would pass or fail with the machine's speed.
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1_900));
        assertThat(callsTo(grant.accessToken(), PATH)).isEqualTo(2);
    }

    /** Each rule fails the number of calls it names, in order; the call still succeeds, one attempt later each. */
    @SafeVarargs
    private void assertRetriedToSuccess(Map<String, Object>... rules) {
        int failures = 0;
        for (Map<String, Object> rule : rules) {
            Map<String, Object> onPath = new java.util.HashMap<>(rule);
            onPath.put("path", PATH);
            fault(grant.accessToken(), onPath);
            failures += (Integer) rule.get("next");
        }

        assertThat(oauth.userInfo(grant.accessToken()).displayName()).isNotBlank();
        assertThat(callsTo(grant.accessToken(), PATH)).isEqualTo(failures + 1);
    }
}
