package com.tttools.app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Events hold their promise: an audit write that fails once is delivered again by the resubmission task and
 * arrives exactly once; delivered publications leave no copy in {@code event_publication}.
 */
class EventPublicationDeliveryIT extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    IncompleteEventPublications incomplete;
    @Autowired
    EventPublicationProperties properties;

    @Test
    void anAuditWriteThatFailedOnceIsResubmittedAndArrivesExactlyOnce() {
        String marker = "Fail Once " + UUID.randomUUID();
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("event-retry");
        failNextAuditWriteOf(marker);
        try {
            tenants.createOrganization(owner, marker);

            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                            SELECT count(*) FROM event_publication
                            WHERE listener_id LIKE '%AuditEventListeners%' AND strpos(serialized_event, :m) > 0
                              AND completion_date IS NULL AND status = 'FAILED'""")
                    .param("m", marker).query(Long.class).single() == 1);
            assertThat(auditEntries(marker)).as("the write failed").isZero();

            // the failure is older than the resubmission age; the recurring task's run picks it up
            jdbc.sql("""
                            UPDATE event_publication SET publication_date = publication_date - :age * interval '1 second'
                            WHERE strpos(serialized_event, :m) > 0""")
                    .param("age", properties.resubmitOlderThan().plusMinutes(1).toSeconds()).param("m", marker)
                    .update();
            EventPublicationTasks.resubmit(incomplete, properties);

            await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries(marker) == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> publications(marker) == 0);
            EventPublicationTasks.resubmit(incomplete, properties);
            assertThat(auditEntries(marker)).as("exactly once").isEqualTo(1);
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS test_fail_once ON audit_events").update();
            jdbc.sql("DROP FUNCTION IF EXISTS test_fail_once()").update();
            jdbc.sql("DROP SEQUENCE IF EXISTS test_fail_once_seq").update();
        }
    }

    @Test
    void completedPublicationsAreDeleted() {
        String marker = "Completed " + UUID.randomUUID();
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("event-complete");
        tenants.createOrganization(owner, marker);

        await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries(marker) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> publications(marker) == 0);
        assertThat(jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NOT NULL")
                .query(Long.class).single()).isZero();
    }

    /** A trigger that makes the first insert of this organization's audit entry fail (a sequence is not rolled back). */
    private void failNextAuditWriteOf(String marker) {
        jdbc.sql("CREATE SEQUENCE test_fail_once_seq").update();
        jdbc.sql("""
                CREATE FUNCTION test_fail_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.details ->> 'name' = '%s' AND nextval('test_fail_once_seq') = 1 THEN
                        RAISE EXCEPTION 'audit write failed (test)';
                    END IF;
                    RETURN NEW;
                END $$""".formatted(marker)).update();
        jdbc.sql("CREATE TRIGGER test_fail_once BEFORE INSERT ON audit_events FOR EACH ROW "
                + "EXECUTE FUNCTION test_fail_once()").update();
    }

    private long auditEntries(String marker) {
        return jdbc.sql("SELECT count(*) FROM audit_events WHERE action = 'organization.created' AND details ->> 'name' = :m")
                .param("m", marker).query(Long.class).single();
    }

    private long publications(String marker) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE strpos(serialized_event, :m) > 0")
                .param("m", marker).query(Long.class).single();
    }
}
