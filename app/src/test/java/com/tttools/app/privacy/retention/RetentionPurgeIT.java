package com.tttools.app.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.privacy.Retention;
import com.tttools.app.privacy.RetentionChange;
import com.tttools.app.reporting.internal.RollupsForTests;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import com.tttools.app.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily purge, one test per data class, with the clock moved: the run is handed a later instant and each
 * test places its own rows just before and just after that instant's cutoff. Rows past their date are gone, the
 * others stay, and a second run at the same instant deletes nothing. The purge is global, so assertions look at
 * the test's own rows (and at the re-run's count, which must be 0 for the whole class).
 */
class RetentionPurgeIT extends IntegrationTest {

    @Autowired
    RetentionPurgeRun purge;
    @Autowired
    Retention retention;
    @Autowired
    AuditLog auditLog;
    @Autowired
    SecurityLog securityLog;
    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @Test
    void reportFactsGoAfterTheirOrganizationsRetentionOrTheDefault25Months() {
        Instant later = now.plus(Duration.ofDays(1000));
        UUID shortOrg = organization();
        UUID defaultOrg = organization();
        UUID shortWs = workspace(shortOrg);
        UUID defaultWs = workspace(defaultOrg);
        UUID orphanWs = UUID.randomUUID();   // facts of a workspace whose organization is gone: the default applies
        retention.change(new OrganizationId(shortOrg), List.of(new RetentionChange("report_facts", 91)),
                Actor.system("test"), null);
        fact(shortWs, "CAMPAIGN", day(later, 92));
        fact(shortWs, "AD", day(later, 92));
        fact(shortWs, "CAMPAIGN", day(later, 90));
        finality(shortWs, day(later, 92));
        finality(shortWs, day(later, 90));
        fact(defaultWs, "CAMPAIGN", day(later, 762));
        fact(defaultWs, "CAMPAIGN", day(later, 760));
        fact(defaultWs, "CAMPAIGN", day(later, 92));
        fact(orphanWs, "ADVERTISER", day(later, 762));
        fact(orphanWs, "ADVERTISER", day(later, 760));

        RetentionPurgeRun.Result first = purge.run(later);

        assertThat(factDates(shortWs)).containsExactly(day(later, 90));
        assertThat(finalityDates(shortWs)).containsExactly(day(later, 90));
        assertThat(factDates(defaultWs)).containsExactly(day(later, 760), day(later, 92));
        assertThat(factDates(orphanWs)).containsExactly(day(later, 760));
        // the rollups lost the same days (per advertiser and day: exactly the facts' days that are left)
        assertThat(rolledUpDates(shortWs)).containsExactly(day(later, 90));
        assertThat(rolledUpDates(defaultWs)).containsExactly(day(later, 760), day(later, 92));
        assertThat(first.count("report_facts")).isGreaterThanOrEqualTo(5);
        assertThat(purge.run(later).count("report_facts")).isZero();
    }

    @Test
    void auditEventsGoAfterTheOrganizationsAuditRetentionAndTheRestStays() {
        OrganizationId shortLived = OrganizationId.random();
        OrganizationId longLived = OrganizationId.random();
        retention.change(shortLived, List.of(new RetentionChange("audit_events", 90)), Actor.system("test"), null);
        auditLog.record(entry(shortLived));
        auditLog.record(entry(longLived));
        Instant later = now.plus(Duration.ofDays(200));

        RetentionPurgeRun.Result first = purge.run(later);

        // the short-lived chain keeps only the audit module's own purge record; the default 365 days keep the other
        assertThat(actions(shortLived)).containsExactly("audit.purged");
        assertThat(actions(longLived)).containsExactly("workspace.updated");
        assertThat(first.count("audit_events")).isGreaterThanOrEqualTo(2);
        assertThat(auditLog.verify(shortLived).ok()).isTrue();
        assertThat(purge.run(later).count("audit_events")).isZero();
    }

    @Test
    void securityEventsGoAfterNinetyDays() {
        Instant later = now.plus(Duration.ofDays(30));
        UserId user = UserId.random();
        securityLog.record(new SecurityEventOccurred("login.succeeded", user, "old@example.com", null, Map.of(),
                later.minus(Duration.ofDays(91))));
        securityLog.record(new SecurityEventOccurred("login.succeeded", user, "new@example.com", null, Map.of(),
                later.minus(Duration.ofDays(89))));

        RetentionPurgeRun.Result first = purge.run(later);

        assertThat(securityLog.forUser(user, 10, null).items()).extracting(e -> e.email())
                .containsExactly("new@example.com");
        assertThat(first.count("security_events")).isGreaterThanOrEqualTo(1);
        assertThat(purge.run(later).count("security_events")).isZero();
    }

    @Test
    void sessionsGoWhenTheyExpire() {
        Instant later = now.plus(Duration.ofHours(2));
        String expired = session(later.minus(Duration.ofMinutes(1)));
        String live = session(later.plus(Duration.ofMinutes(30)));

        RetentionPurgeRun.Result first = purge.run(later);

        assertThat(sessionExists(expired)).isFalse();
        assertThat(sessionExists(live)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session_attributes WHERE session_primary_id = :id")
                .param("id", expired).query(Long.class).single()).isZero();
        assertThat(first.count("sessions")).isGreaterThanOrEqualTo(1);
        assertThat(purge.run(later).count("sessions")).isZero();
    }

    @Test
    void finishedJobsAndTheirPayloadsGoNinetyDaysAfterTheyFinishedAndUnfinishedOnesStay() {
        Instant later = now.plus(Duration.ofDays(400));
        UUID workspace = UUID.randomUUID();
        UUID oldSucceeded = job(workspace, "SUCCEEDED", later.minus(Duration.ofDays(91)));
        UUID oldFailed = job(workspace, "FAILED", later.minus(Duration.ofDays(200)));
        UUID recent = job(workspace, "CANCELLED", later.minus(Duration.ofDays(89)));
        UUID stillQueued = job(workspace, "QUEUED", null);

        RetentionPurgeRun.Result first = purge.run(later);

        assertThat(jobs(workspace)).containsExactlyInAnyOrder(recent, stillQueued).doesNotContain(oldSucceeded, oldFailed);
        assertThat(first.count("jobs")).isGreaterThanOrEqualTo(2);
        assertThat(purge.run(later).count("jobs")).isZero();
    }

    @Test
    void emailTokensGoWhenTheyExpire() {
        Instant later = now.plus(Duration.ofDays(3));
        UUID user = user();
        UUID expired = emailToken(user, later.minus(Duration.ofMinutes(1)));
        UUID valid = emailToken(user, later.plus(Duration.ofHours(1)));

        RetentionPurgeRun.Result first = purge.run(later);

        assertThat(emailTokens(user)).containsExactly(valid).doesNotContain(expired);
        assertThat(first.count("email_tokens")).isGreaterThanOrEqualTo(1);
        assertThat(purge.run(later).count("email_tokens")).isZero();
    }

    @Test
    void invitationsGoThirtyDaysAfterTheyExpiredOrWereRevoked() {
        Instant later = now.plus(Duration.ofDays(60));
        UUID org = organization();
        UUID expiredLongAgo = invitation(org, later.minus(Duration.ofDays(31)), null);
        UUID expiredRecently = invitation(org, later.minus(Duration.ofDays(29)), null);
        UUID revokedLongAgo = invitation(org, later.plus(Duration.ofDays(5)), later.minus(Duration.ofDays(31)));
        UUID revokedRecently = invitation(org, later.plus(Duration.ofDays(5)), later.minus(Duration.ofDays(29)));
        UUID pending = invitation(org, later.plus(Duration.ofDays(5)), null);

        RetentionPurgeRun.Result first = purge.run(later);

        assertThat(invitations(org)).containsExactlyInAnyOrder(expiredRecently, revokedRecently, pending)
                .doesNotContain(expiredLongAgo, revokedLongAgo);
        assertThat(first.count("invitations")).isGreaterThanOrEqualTo(2);
        assertThat(purge.run(later).count("invitations")).isZero();
    }

    @Test
    void eachRunRecordsOneAuditEventWithACountPerPurgedClass() {
        Instant later = now.plus(Duration.ofDays(400));
        UUID workspace = UUID.randomUUID();
        job(workspace, "SUCCEEDED", later.minus(Duration.ofDays(100)));

        RetentionPurgeRun.Result result = purge.run(later);

        List<String> details = jdbc.sql("""
                        SELECT details::text FROM audit_events
                        WHERE chain = 'system' AND action = 'privacy.retention_purged' AND occurred_at = :at
                        """)
                .param("at", Timestamp.from(later)).query(String.class).list();
        assertThat(details).hasSize(1);
        JsonNode recorded = JsonMapper.builder().build().readTree(details.get(0));
        assertThat(recorded.get("counts").propertyNames()).containsExactlyInAnyOrder("report_facts", "audit_events",
                "security_events", "sessions", "jobs", "email_tokens", "invitations");
        assertThat(recorded.get("counts").get("jobs").asLong()).isEqualTo(result.count("jobs")).isGreaterThanOrEqualTo(1);
        assertThat(recorded.get("failed").isEmpty()).isTrue();
        assertThat(result.failed()).isEmpty();
    }

    @Test
    void moreExpiredRowsThanOneBatchGoInSeveralStatements() {
        Instant later = now.plus(Duration.ofDays(400));
        UUID workspace = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            job(workspace, "SUCCEEDED", later.minus(Duration.ofDays(100 + i)));
        }

        RetentionPurgeRun.Result result = purge.run(later, 2);

        assertThat(jobs(workspace)).isEmpty();
        assertThat(result.count("jobs")).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theDailyPurgeIsOnePersistentScheduledTask() {
        assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = :name")
                .param("name", RetentionPurgeTask.NAME).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whenItsTimeComesTheSchedulerRunsThePurgeOnceAndSchedulesTheNextDay() {
        Instant before = Instant.now();
        jdbc.sql("UPDATE scheduled_tasks SET execution_time = now() WHERE task_name = :name")
                .param("name", RetentionPurgeTask.NAME).update();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM audit_events
                            WHERE chain = 'system' AND action = 'privacy.retention_purged' AND occurred_at >= :before
                              AND occurred_at < :soon AND actor_system = 'job:privacy-retention-purge'""")
                    // the other tests run the purge at instants days ahead: only this real-time run counts
                    .param("before", Timestamp.from(before)).param("soon", Timestamp.from(before.plus(Duration.ofHours(1))))
                    .query(Long.class).single()).isEqualTo(1);
            Instant next = jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :name")
                    .param("name", RetentionPurgeTask.NAME).query(Timestamp.class).single().toInstant();
            assertThat(next).isAfter(before).isBefore(before.plus(Duration.ofDays(1)).plusSeconds(60));
            assertThat(next.atZone(ZoneOffset.UTC).toLocalTime()).isEqualTo(java.time.LocalTime.of(3, 15));
        });
    }

    // --- rows -------------------------------------------------------------------------------------------------

    private UUID organization() {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO organizations (id, name, created_by, created_at) VALUES (:id, :name, :by, now())")
                .param("id", id).param("name", "Retention " + id.toString().substring(0, 8))
                .param("by", UUID.randomUUID()).update();
        return id;
    }

    private UUID workspace(UUID organization) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO workspaces (id, organization_id, name, timezone, currency, created_at)
                        VALUES (:id, :org, 'Retention brand', 'UTC', 'USD', now())""")
                .param("id", id).param("org", organization).update();
        return id;
    }

    private void fact(UUID workspace, String level, LocalDate date) {
        jdbc.sql("""
                        INSERT INTO report_daily_facts (workspace_id, level, entity_id, stat_date, advertiser_id, currency,
                                                        spend, pulled_at)
                        VALUES (:ws, :level, :entity, :date, 'adv-1', 'USD', 1.5, now())""")
                .param("ws", workspace).param("level", level).param("entity", level.toLowerCase() + "-1")
                .param("date", date).update();
        RollupsForTests.rollUp(jdbc, workspace, date, date);   // as the fact writer keeps them (retention corrects them)
    }

    private void finality(UUID workspace, LocalDate date) {
        jdbc.sql("""
                        INSERT INTO report_finality (workspace_id, advertiser_id, stat_date, first_pulled_at, last_pulled_at,
                                                     pull_count, last_rows_changed, last_spend_delta, last_conversions_delta)
                        VALUES (:ws, 'adv-1', :date, now(), now(), 1, 0, 0, 0)""")
                .param("ws", workspace).param("date", date).update();
    }

    private List<LocalDate> factDates(UUID workspace) {
        return jdbc.sql("SELECT stat_date FROM report_daily_facts WHERE workspace_id = :ws ORDER BY stat_date")
                .param("ws", workspace).query(LocalDate.class).list();
    }

    private List<LocalDate> rolledUpDates(UUID workspace) {
        return jdbc.sql("SELECT DISTINCT stat_date FROM report_fact_advertiser_days WHERE workspace_id = :ws ORDER BY stat_date")
                .param("ws", workspace).query(LocalDate.class).list();
    }

    private List<LocalDate> finalityDates(UUID workspace) {
        return jdbc.sql("SELECT stat_date FROM report_finality WHERE workspace_id = :ws ORDER BY stat_date")
                .param("ws", workspace).query(LocalDate.class).list();
    }

    private static LocalDate day(Instant later, int daysBefore) {
        return LocalDate.ofInstant(later, ZoneOffset.UTC).minusDays(daysBefore);
    }

    private static AuditEntry entry(OrganizationId organization) {
        return new AuditEntry("workspace.updated", Actor.system("test"), "workspace", organization.toString(),
                organization, null, null, Map.of(), Instant.now());
    }

    private List<String> actions(OrganizationId organization) {
        return jdbc.sql("SELECT action FROM audit_events WHERE organization_id = :org ORDER BY seq")
                .param("org", organization.value()).query(String.class).list();
    }

    private String session(Instant expiry) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                        INSERT INTO spring_session (primary_id, session_id, creation_time, last_access_time,
                                                    max_inactive_interval, expiry_time, principal_name)
                        VALUES (:id, :sid, :created, :created, 1800, :expiry, NULL)""")
                .param("id", id).param("sid", "retention-" + id).param("created", now.toEpochMilli())
                .param("expiry", expiry.toEpochMilli()).update();
        jdbc.sql("""
                        INSERT INTO spring_session_attributes (session_primary_id, attribute_name, attribute_bytes)
                        VALUES (:id, 'test', :bytes)""")
                .param("id", id).param("bytes", new byte[] {1}).update();
        return id;
    }

    private boolean sessionExists(String id) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE primary_id = :id").param("id", id)
                .query(Long.class).single() == 1;
    }

    private UUID job(UUID workspace, String status, Instant finishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO jobs (id, workspace_id, type, status, payload, max_attempts, created_at, finished_at,
                                          updated_at)
                        VALUES (:id, :ws, 'retention-test', :status, '{"secret":"payload"}', 3, :created, :finished, now())""")
                .param("id", id).param("ws", workspace).param("status", status)
                .param("created", Timestamp.from(now.minus(Duration.ofDays(3000))))
                .param("finished", finishedAt == null ? null : Timestamp.from(finishedAt)).update();
        return id;
    }

    private List<UUID> jobs(UUID workspace) {
        return jdbc.sql("SELECT id FROM jobs WHERE workspace_id = :ws").param("ws", workspace).query(UUID.class).list();
    }

    private UUID user() {
        UUID id = UUID.randomUUID();
        String email = "retention-" + id + "@example.com";
        jdbc.sql("""
                        INSERT INTO users (id, email, email_normalized, name, password_hash, password_changed_at,
                                           created_at, updated_at)
                        VALUES (:id, :email, :email, 'Retention', 'x', now(), now(), now())""")
                .param("id", id).param("email", email).update();
        return id;
    }

    private UUID emailToken(UUID user, Instant expiresAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO user_email_tokens (id, user_id, purpose, token_hash, created_at, expires_at)
                        VALUES (:id, :user, 'RESET_PASSWORD', :hash, now(), :expires)""")
                .param("id", id).param("user", user).param("hash", id.toString().getBytes())
                .param("expires", Timestamp.from(expiresAt)).update();
        return id;
    }

    private List<UUID> emailTokens(UUID user) {
        return jdbc.sql("SELECT id FROM user_email_tokens WHERE user_id = :user").param("user", user)
                .query(UUID.class).list();
    }

    private UUID invitation(UUID organization, Instant expiresAt, Instant revokedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO invitations (id, organization_id, email, email_normalized, role, token_hash, invited_by,
                                                 created_at, sent_at, expires_at, revoked_at)
                        VALUES (:id, :org, 'guest@example.com', 'guest@example.com', 'MEMBER', :hash, :by, now(), now(),
                                :expires, :revoked)""")
                .param("id", id).param("org", organization).param("hash", id.toString().getBytes())
                .param("by", UUID.randomUUID()).param("expires", Timestamp.from(expiresAt))
                .param("revoked", revokedAt == null ? null : Timestamp.from(revokedAt)).update();
        return id;
    }

    private List<UUID> invitations(UUID organization) {
        return jdbc.sql("SELECT id FROM invitations WHERE organization_id = :org").param("org", organization)
                .query(UUID.class).list();
    }
}
