package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.ChangeSetExpired;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What time does to change sets: unapproved plans expire, scheduled ones start when due. Each run of a scheduled
 * change set re-reads its entities; a line whose entity was changed by someone else since approval (TikTok shows
 * neither the value planned from nor the value to write) is skipped and says so. A change set still APPLYING whose
 * job has ended (out of attempts, cancelled or failed in the jobs module) is given its final state.
 */
@Component
class ChangeSetClock {

    private static final Logger log = LoggerFactory.getLogger(ChangeSetClock.class);
    private static final int BATCH = 100;

    private final ChangeSetRepository repository;
    private final Planner planner;
    private final BulkService service;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Jobs jobs;
    private final ApplyHandler apply;

    ChangeSetClock(ChangeSetRepository repository, Planner planner, BulkService service,
            ApplicationEventPublisher events, TransactionTemplate transaction, Jobs jobs, ApplyHandler apply) {
        this.jobs = jobs;
        this.apply = apply;
        this.repository = repository;
        this.planner = planner;
        this.service = service;
        this.events = events;
        this.transaction = transaction;
    }

    int expire(Instant now) {
        List<ChangeSetRepository.Row> due = repository.expiredAwaitingApproval(now, BATCH);
        int expired = 0;
        for (ChangeSetRepository.Row row : due) {
            Boolean moved = transaction.execute(tx -> {
                if (!repository.transition(row.workspaceId(), row.id(), Set.of(ChangeSetStatus.AWAITING_APPROVAL),
                        ChangeSetStatus.EXPIRED)) {
                    return false;
                }
                repository.finished(row.workspaceId(), row.id(), ChangeSetStatus.EXPIRED, now, null);
                events.publishEvent(new ChangeSetExpired(service.ref(row, 0), new UserId(row.createdBy()), now));
                return true;
            });
            expired += Boolean.TRUE.equals(moved) ? 1 : 0;
        }
        return expired;
    }

    /** Settles change sets APPLYING whose job is no longer queued or running; returns how many. */
    int settleEnded(Instant now) {
        int settled = 0;
        for (ChangeSetRepository.Row row : repository.applyingSince(now, BATCH)) {
            Optional<JobView> job = row.jobId() == null ? Optional.empty() : jobs.find(row.workspaceId(), row.jobId());
            if (job.isPresent() && !job.get().status().finished()) {
                continue;   // running, or waiting for its next attempt
            }
            boolean cancelled = job.map(j -> j.status() == JobStatus.CANCELLED).orElse(false);
            String reason = job.map(j -> j.status() == JobStatus.FAILED
                    ? j.lastError() == null ? "it failed" : j.lastError()
                    : "it ended without finishing the change set").orElse("its job no longer exists");
            try {
                settled += apply.settle(row, row.jobId(), reason, cancelled) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Change set {} could not be settled after its job ended: {}", row.id(), e.getMessage());
            }
        }
        return settled;
    }

    int startDue(Instant now) {
        int started = 0;
        for (ChangeSetRepository.Row row : repository.dueScheduled(now, BATCH)) {
            try {
                startRun(row);
                started++;
            } catch (RuntimeException e) {
                log.warn("Scheduled change set {} could not start: {}", row.id(), e.getMessage());
            }
        }
        return started;
    }

    private void startRun(ChangeSetRepository.Row row) {
        WorkspaceId ws = row.workspaceId();
        List<ChangeSetRepository.LineRow> lines = repository.lines(ws, row.id());
        var targets = lines.stream().map(l -> new com.tttools.app.inventory.InventoryTargets.Target(l.tiktokId(),
                l.name(), l.advertiserId(), null, null, l.connectionId(), null, false)).toList();
        Map<String, TikTokEntities.Current> current = planner.readCurrent(ws, row.level(), targets);
        transaction.executeWithoutResult(tx -> {
            if (!repository.transition(ws, row.id(), Set.of(ChangeSetStatus.SCHEDULED), ChangeSetStatus.APPROVED)) {
                return;   // another node started it
            }
            List<ChangeSetRepository.Reset> resets = new ArrayList<>();
            for (ChangeSetRepository.LineRow l : lines) {
                TikTokEntities.Current now = current.get(l.tiktokId());
                Map<String, Object> before = Planner.before(now);
                boolean asPlanned = sameValue(l.before(), before, l.after());
                boolean alreadyThere = Planner.matches(l.after(), now);
                LineStatus status;
                String note;
                if (now == null || now.deleted() || now.parentDeleted()) {
                    status = LineStatus.SKIPPED;
                    note = "Deleted at TikTok.";
                } else if (alreadyThere) {
                    status = LineStatus.SKIPPED;
                    note = "Already as planned at TikTok.";
                } else if (!asPlanned) {
                    status = LineStatus.SKIPPED;
                    note = "Changed by someone else since approval: skipped.";
                } else {
                    status = LineStatus.PENDING;
                    note = null;
                }
                resets.add(new ChangeSetRepository.Reset(l.seq(), before, status, note));
            }
            repository.resetLines(ws, row.id(), resets);
            service.start(repository.find(ws, row.id()).orElseThrow(), Actor.system("schedule:" + row.id()), null,
                    RequestMetadata.none());
        });
    }

    /** Whether TikTok still shows the value the line was planned (and approved) from. */
    private static boolean sameValue(Map<String, Object> planned, Map<String, Object> now, Map<String, Object> after) {
        if (after.containsKey("budget")) {
            Object a = planned.get("budget");
            Object b = now.get("budget");
            return a != null && b != null && new java.math.BigDecimal(a.toString())
                    .compareTo(new java.math.BigDecimal(b.toString())) == 0;
        }
        return java.util.Objects.equals(planned.get("status"), now.get("status"));
    }
}
