package com.tttools.app.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again the event publications whose listener failed or whose node died before it completed, safely
 * when several nodes do it at once: each publication is claimed in one conditional {@code UPDATE} before Spring
 * Modulith invokes its listener, so exactly one node wins it, and only when it was published, and last resubmitted,
 * more than {@code tttools.events.resubmit-older-than} ago.
 * <p>
 * Spring Modulith's own guard is not enough across nodes: it resubmits any publication not in status
 * {@code RESUBMITTED}, but a resubmitted listener moves it to {@code PROCESSING} as it starts, so a second node (or
 * the next run) would deliver it again while it still runs; and a publication left {@code RESUBMITTED} by a node that
 * died would never be resubmitted. The claim sets it to {@code FAILED} (the status Modulith then moves to
 * {@code RESUBMITTED}) and stamps {@code last_resubmission_date}, which keeps every other claim away for the age.
 * For the same reason nodes do not republish everything outstanding at start-up
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart: false}): that would redeliver what other
 * nodes are processing right now.
 */
@Component
public class EventResubmission {

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EventPublicationProperties properties;

    EventResubmission(IncompleteEventPublications incomplete, JdbcClient jdbc, Clock clock,
            EventPublicationProperties properties) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Resubmits each incomplete publication that is due and that this node claims (the recurring task's run). */
    public void resubmitDue() {
        Instant due = clock.instant().minus(properties.resubmitOlderThan());
        // the date check only spares young publications the UPDATE; the claim decides
        incomplete.resubmitIncompletePublications(publication -> publication.getPublicationDate().isBefore(due)
                && claim(publication.getIdentifier()));
    }

    /**
     * True for the one caller, on any node, that moved the due publication to "being resubmitted" now. Spring
     * Modulith stores a new publication with {@code last_resubmission_date} = its publication date, so that column
     * is the last attempt's start.
     */
    boolean claim(UUID publication) {
        Instant now = clock.instant();
        Instant due = now.minus(properties.resubmitOlderThan());
        return jdbc.sql("""
                        UPDATE event_publication SET status = 'FAILED', last_resubmission_date = :now
                         WHERE id = :id AND completion_date IS NULL AND publication_date < :due
                           AND (last_resubmission_date IS NULL OR last_resubmission_date < :due)""")
                .param("now", Timestamp.from(now)).param("id", publication)
                .param("due", Timestamp.from(due))
                .update() == 1;
    }
}
