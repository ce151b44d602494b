package com.tttools.app.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    EventResubmission resubmission;
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

            // the publication and its failed attempt are older than the resubmission age; the task's run picks it up
            jdbc.sql("""
                            UPDATE event_publication
                               SET publication_date = publication_date - :age * interval '1 second',
                                   last_resubmission_date = last_resubmission_date - :age * interval '1 second'
                            WHERE strpos(serialized_event, :m) > 0""")
                    .param("age", properties.resubmitOlderThan().plusMinutes(1).toSeconds()).param("m", marker)
                    .update();
            resubmission.resubmitDue();

            await().atMost(Duration.ofSeconds(20)).until(() -> auditEntries(marker) == 1);
            await().atMost(Duration.ofSeconds(20)).until(() -> publications(marker) == 0);
            resubmission.resubmitDue();
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

    /**
     * The claim that keeps two nodes from delivering one publication twice: only a publication published, and last
     * resubmitted, longer ago than the age is claimed, by one caller; one left "resubmitted" by a dead node too.
     */
    @Test
    void aPublicationIsClaimedOnceWhenDueAndNotWhileAResubmissionOfItMayStillRun() {
        long age = properties.resubmitOlderThan().toSeconds();
        UUID old = publication("PROCESSING", age + 60, null);
        UUID young = publication("PUBLISHED", age - 60, null);
        UUID resubmittedLately = publication("PROCESSING", age + 600, age - 60);
        UUID leftByADeadNode = publication("RESUBMITTED", age + 600, age + 60);
        try {
            assertThat(resubmission.claim(old)).as("due, never resubmitted").isTrue();
            assertThat(resubmission.claim(old)).as("just claimed").isFalse();
            assertThat(resubmission.claim(young)).as("may still be running where it was published").isFalse();
            assertThat(resubmission.claim(resubmittedLately)).as("its resubmission may still be running").isFalse();
            assertThat(resubmission.claim(leftByADeadNode)).isTrue();
            assertThat(jdbc.sql("SELECT status FROM event_publication WHERE id = :id").param("id", leftByADeadNode)
                    .query(String.class).single()).as("resubmittable again by Spring Modulith").isEqualTo("FAILED");
        } finally {
            jdbc.sql("DELETE FROM event_publication WHERE id IN (:ids)")
                    .param("ids", List.of(old, young, resubmittedLately, leftByADeadNode)).update();
        }
    }

    /**
     * A publication row of a listener no node has, published so many seconds ago and last resubmitted so many
     * (unless given: when it was published, as Spring Modulith stores a new publication). Should a resubmission run
     * elsewhere pick it up meanwhile, Modulith finds no listener and marks it failed: nothing else happens.
     */
    private UUID publication(String status, long publishedSecondsAgo, Long resubmittedSecondsAgo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       status, completion_attempts, last_resubmission_date)
                        VALUES (:id, 'test.no-such-listener', 'java.lang.String', '"claim test"',
                                now() - :published * interval '1 second', :status, 0,
                                now() - :resubmitted * interval '1 second')""")
                .param("id", id).param("published", publishedSecondsAgo).param("status", status)
                .param("resubmitted", resubmittedSecondsAgo == null ? publishedSecondsAgo : resubmittedSecondsAgo)
                .update();
        return id;
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
