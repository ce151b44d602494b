package com.tttools.app.notifications;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.reporting.ReportSync;
import com.tttools.app.reporting.internal.StaleReportData;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.OutboxReader;
import com.tttools.app.support.Tenants;
import com.tttools.app.tiktok.connection.TokenExpiryWarnings;
import com.tttools.app.tiktok.tokens.RefreshToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The events that keep a workspace's data flowing, from the modules that own them to the workspace's admins: a sync
 * job that failed for good (inventory and reports; a failing sync tells once per dedup window, and each admin's
 * preferences choose the channels), a TikTok-account connection whose refresh token is about to run out (once per
 * expiry date), and report data with no successful sync for longer than the limit (once per stale stretch).
 */
class SyncNotificationsIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboxReader outbox;
    @Autowired
    StaleReportData stale;
    @Autowired
    TokenExpiryWarnings expiry;
    @Autowired
    TikTokTokenStore tokens;

    Tenants.User owner;
    Tenants.User admin;
    Tenants.User analyst;
    String org;
    String ws;

    @BeforeEach
    void workspace() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        owner = tenants.verifiedUser("sync-owner");
        org = tenants.createOrganization(owner, "Sync org");
        ws = tenants.createWorkspace(owner, org, "Sync ws");
        admin = tenants.member(owner, org, "sync-admin", "MEMBER", List.of(Map.of("workspaceId", ws, "role", "ADMIN")));
        analyst = tenants.member(owner, org, "sync-analyst", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "ANALYST")));
    }

    List<NotificationRequest> of(Tenants.User user, String type) {
        return outbox.requests().stream()
                .filter(r -> r.recipient().equals(UserId.of(user.id())) && r.eventType().equals(type)).toList();
    }

    @Test
    void syncsThatFailForGoodTellTheAdminsOncePerDedupWindowOnTheChannelsTheyChose() {
        // the second admin wants sync failures in the app only
        expect(admin.api().put("/api/v1/me/notification-preferences", Map.of("items", List.of(Map.of(
                "eventType", "sync.failed", "channels", List.of("IN_APP"), "digest", "NONE")))), 200);
        UUID connection = UUID.randomUUID();   // no such connection: every attempt fails, then the job is FAILED

        failed(AssetSync.request(WorkspaceId.of(ws), connection));
        await().atMost(Duration.ofSeconds(30)).until(() -> of(owner, "sync.failed").size() == 1
                && of(admin, "sync.failed").size() == 1);
        assertThat(of(owner, "sync.failed")).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Inventory sync failed");
            assertThat(r.link()).isEqualTo("/workspaces/" + ws + "/jobs");
            assertThat(r.channels()).containsExactly(Channel.EMAIL);
        });
        assertThat(of(admin, "sync.failed")).singleElement().satisfies(r -> assertThat(r.channels()).isEmpty());
        assertThat(of(analyst, "sync.failed")).isEmpty();

        // the same connection failing again within the dedup window: nothing new; its report sync is told apart
        failed(AssetSync.request(WorkspaceId.of(ws), connection));
        failed(ReportSync.request(WorkspaceId.of(ws), ReportSync.Payload.defaultRange(connection)));
        await().atMost(Duration.ofSeconds(30)).until(() -> of(owner, "sync.failed").size() == 2);
        assertThat(of(owner, "sync.failed")).extracting(NotificationRequest::title)
                .containsExactly("Inventory sync failed", "Report sync failed");
    }

    @Test
    void aRefreshTokenRunningOutIsToldOncePerExpiryDate() {
        Instant now = Instant.now();
        UUID soon = connection(now.plus(Duration.ofDays(3)));
        UUID later = connection(now.plus(Duration.ofDays(30)));

        expiry.warn(now);
        expiry.warn(now.plus(Duration.ofMinutes(15)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !of(owner, "connection.token-expiring").isEmpty());
        assertThat(of(owner, "connection.token-expiring")).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("TikTok access expires soon");
            assertThat(r.dedupKey()).startsWith("token-expiring:" + soon + ":");
        });
        assertThat(of(admin, "connection.token-expiring")).hasSize(1);
        assertThat(of(analyst, "connection.token-expiring")).isEmpty();
        assertThat(jdbc.sql("SELECT expiry_warned_for IS NULL FROM tiktok_connection WHERE id = :id")
                .param("id", later).query(Boolean.class).single()).isTrue();
    }

    @Test
    void reportDataWithoutASuccessfulSyncForTooLongIsToldOncePerStaleStretch() {
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO report_sync_state (workspace_id, last_success_at) VALUES (:ws, :at)")
                .param("ws", UUID.fromString(ws)).param("at", Timestamp.from(now.minus(Duration.ofHours(30)))).update();

        stale.check(now);
        stale.check(now.plus(Duration.ofHours(1)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !of(owner, "sync.stale").isEmpty());
        assertThat(of(owner, "sync.stale")).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("Report data is out of date");
            assertThat(r.body()).contains("more than 24 hours");
        });
        assertThat(of(analyst, "sync.stale")).isEmpty();

        // a workspace synced recently is not stale
        jdbc.sql("UPDATE report_sync_state SET last_success_at = :at, stale_notified_at = NULL WHERE workspace_id = :ws")
                .param("ws", UUID.fromString(ws)).param("at", Timestamp.from(now.minus(Duration.ofHours(2)))).update();
        stale.check(now);
        assertThat(jdbc.sql("SELECT stale_notified_at IS NULL FROM report_sync_state WHERE workspace_id = :ws")
                .param("ws", UUID.fromString(ws)).query(Boolean.class).single()).isTrue();
    }

    private void failed(com.tttools.app.jobs.JobRequest<?> request) {
        JobView job = jobs.submit(request);
        JobView done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.find(WorkspaceId.of(ws), job.jobId()).orElseThrow(), j -> j.status().finished());
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
    }

    /** A TikTok-account connection whose refresh token runs out at {@code refreshExpiresAt}; checked just now. */
    private UUID connection(Instant refreshExpiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO tiktok_connection (id, workspace_id, organization_id, kind, status, connected_by,
                            connected_at, last_checked_at)
                        VALUES (:id, :ws, :org, 'TT_USER', 'ACTIVE', :by, now(), now())
                        """)
                .param("id", id).param("ws", UUID.fromString(ws)).param("org", UUID.fromString(org))
                .param("by", UUID.fromString(owner.id())).update();
        tokens.storeRefreshToken(WorkspaceId.of(ws), id, new RefreshToken("rt-" + id), refreshExpiresAt);
        return id;
    }
}
