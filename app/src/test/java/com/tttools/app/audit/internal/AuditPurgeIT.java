package com.tttools.app.audit.internal;

import static com.tttools.app.audit.internal.AuditTestSupport.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.audit.ChainVerification;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import com.tttools.app.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Purges "in the future" by handing the purge a later instant. The purge is global, so assertions look at
 * this test's own random organizations only.
 */
class AuditPurgeIT extends IntegrationTest {

    @Autowired
    AuditPurge purge;
    @Autowired
    AuditLog auditLog;
    @Autowired
    SecurityLog securityLog;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditChainRepository chains;
    @Autowired
    AuditEventRepository events;
    @Autowired
    SecurityEventRepository securityEvents;
    @Autowired
    RetentionRepository retention;
    @Autowired
    PurgePermission permission;
    @Autowired
    AuditChainWriter writer;
    @Autowired
    AuditProperties properties;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void whenRetentionHasPassedThenOnlyExpiredRowsGoAndTheChainStillVerifies() {
        OrganizationId shortLived = OrganizationId.random();
        OrganizationId longLived = OrganizationId.random();
        auditLog.setRetention(shortLived, 90, Actor.system("test"), null);
        recordMany(shortLived, 3);
        recordMany(longLived, 3);
        Instant in200Days = Instant.now().plus(Duration.ofDays(200));

        PurgeReport report = purge.purgeExpired(in200Days);

        // 3 events plus the retention change, all older than 90 days by then; the default 365 days keep the rest.
        assertThat(report.auditRowsOf(chain(shortLived))).isEqualTo(4);
        assertThat(report.auditRowsOf(chain(longLived))).isZero();
        assertThat(count(shortLived)).isEqualTo(1);
        assertThat(count(longLived)).isEqualTo(3);
        assertThat(auditLog.verify(shortLived)).isEqualTo(ChainVerification.intact(1));
        assertThat(auditLog.verify(longLived)).isEqualTo(ChainVerification.intact(3));
        assertThat(chains.find(chain(shortLived)).orElseThrow().anchorSeq()).isEqualTo(4);
    }

    @Test
    void whenThePurgeDeletesRowsThenItRecordsItsCountInTheSameChain() {
        OrganizationId organization = OrganizationId.random();
        recordMany(organization, 5);
        Instant nextYearAndABit = Instant.now().plus(Duration.ofDays(400));

        purge.purgeExpired(nextYearAndABit);

        List<AuditEvent> remaining = auditLog.search(AuditQuery.of(organization)).items();
        assertThat(remaining).singleElement().satisfies(purged -> {
            assertThat(purged.action()).isEqualTo(AuditAction.AUDIT_PURGED.code());
            assertThat(purged.actor()).isEqualTo(AuditPurge.PURGE_JOB);
            assertThat(purged.details()).containsEntry("count", 5).containsEntry("retentionDays", 365)
                    .containsEntry("anchorSeq", 5);
        });
    }

    @Test
    void whenThePurgeRunsAgainAtTheSameTimeThenItDeletesNothing() {
        OrganizationId organization = OrganizationId.random();
        recordMany(organization, 3);
        Instant later = Instant.now().plus(Duration.ofDays(400));
        purge.purgeExpired(later);
        long afterFirst = count(organization);

        PurgeReport rerun = purge.purgeExpired(later);

        assertThat(rerun.auditRowsOf(chain(organization))).isZero();
        assertThat(count(organization)).isEqualTo(afterFirst);
        assertThat(auditLog.verify(organization).ok()).isTrue();
    }

    @Test
    void whenThePurgeHasRunThenNoRowOlderThanItsChainsCutoffRemains() {
        OrganizationId organization = OrganizationId.random();
        recordMany(organization, 3);
        Instant later = Instant.now().plus(Duration.ofDays(366));

        purge.purgeExpired(later);

        long leftOver = jdbc.sql("""
                        SELECT count(*)
                        FROM audit_events e
                        JOIN audit_chains c ON c.chain = e.chain
                        LEFT JOIN audit_retention r ON r.organization_id = c.organization_id
                        WHERE e.recorded_at < CAST(:now AS timestamptz) - make_interval(days => coalesce(r.days, :defaultDays))
                          AND c.organization_id = :organization
                        """)
                // this test's organization only: other tests run the purge with their clocks moved a year ahead, which
                // leaves purge records dated in the future inside their chains, followed by rows of today (a real
                // clock never does that); such a chain is kept whole and logged, as AuditPurge documents
                .param("organization", organization.value())
                .param("now", SqlTime.of(later))
                .param("defaultDays", properties.defaultRetentionDays())
                .query(Long.class).single();
        assertThat(leftOver).isZero();
    }

    @Test
    void whenMoreRowsExpireThanOneBatchHoldsThenTheyGoInSeveralBatchesAndTheAnchorFollows() {
        AuditPurge smallBatches = new AuditPurge(chains, events, securityEvents, retention, permission, writer,
                new AuditProperties(365, 90, 2, 500), transactions);
        OrganizationId organization = OrganizationId.random();
        recordMany(organization, 5);

        PurgeReport report = smallBatches.purgeExpired(Instant.now().plus(Duration.ofDays(400)));

        assertThat(report.auditRowsOf(chain(organization))).isEqualTo(5);
        assertThat(chains.find(chain(organization)).orElseThrow().anchorSeq()).isEqualTo(5);
        assertThat(auditLog.verify(organization)).isEqualTo(ChainVerification.intact(1));
    }

    @Test
    void whenTheChainContinuesAfterAPurgeThenNewRowsLinkToTheAnchor() {
        OrganizationId organization = OrganizationId.random();
        recordMany(organization, 2);
        Instant later = Instant.now().plus(Duration.ofDays(400));
        purge.purgeExpired(later);

        auditLog.record(entry(organization, "workspace.updated"));

        assertThat(auditLog.verify(organization)).isEqualTo(ChainVerification.intact(2));
    }

    @Test
    void whenSecurityEventsAreOlderThanNinetyDaysThenThePurgeDeletesThemAndKeepsTheRest() {
        UserId user = UserId.random();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        securityLog.record(new SecurityEventOccurred("login.succeeded", user, "old@example.com", null, Map.of(),
                now.minus(Duration.ofDays(91))));
        securityLog.record(new SecurityEventOccurred("login.succeeded", user, "new@example.com", null, Map.of(),
                now.minus(Duration.ofDays(89))));

        PurgeReport report = purge.purgeExpired(now);

        assertThat(report.securityEvents()).isGreaterThanOrEqualTo(1);
        assertThat(securityLog.forUser(user, 10, null).items())
                .extracting(event -> event.email()).containsExactly("new@example.com");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_events
                        WHERE chain = 'system' AND action = 'audit.purged' AND target_type = 'security_events'
                          AND occurred_at = :now
                        """).param("now", SqlTime.of(now)).query(Long.class).single()).isEqualTo(1);
    }

    private void recordMany(OrganizationId organization, int count) {
        for (int i = 0; i < count; i++) {
            auditLog.record(entry(organization, null, "workspace.updated", Map.of("i", i)));
        }
    }

    private long count(OrganizationId organization) {
        return jdbc.sql("SELECT count(*) FROM audit_events WHERE organization_id = :org")
                .param("org", organization.value()).query(Long.class).single();
    }

    private static String chain(OrganizationId organization) {
        return AuditChainWriter.organizationChain(organization);
    }
}
