package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.ChangeSetFinished;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.inventory.InventoryTargets;
import com.tttools.app.jobs.JobCancelledException;
import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tiktok.ApiResult;
import com.tttools.app.tiktok.TikTokApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The {@code bulk.apply} job: writes the pending lines of a change set to TikTok in chunks (at most 20 ids per status
 * call, 20 ad groups per budget call, one campaign per campaign/update), then re-reads every written line to verify
 * it. Each chunk's lines are marked SENDING (committed) before the call and get their outcome (committed) after it,
 * so a run that died mid-chunk re-reads those entities on resume instead of writing them twice. A cancel request is
 * honoured between chunks. A run that gives up for a reason of its own (a line it cannot send, or — found by the
 * change-set clock — a job that ran out of attempts or was cancelled or failed in the jobs module) still ends the
 * change set: lines not sent are FAILED with the reason, lines in flight are re-read, and it ends FAILED or
 * PARTIALLY_SUCCEEDED, audited and notified like any other outcome.
 */
@Component
class ApplyHandler implements JobHandler<ApplyPayload> {

    static final int STATUS_CHUNK = 20;
    static final int BUDGET_CHUNK = 20;
    private static final long PROGRESS_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ApplyHandler.class);
    private static final Set<String> STATUSES = Set.of("ENABLE", "DISABLE", "DELETE");

    private final ChangeSetRepository repository;
    private final PolicyRepository policies;
    private final TikTokEntities tiktok;
    private final Planner planner;
    private final InventoryTargets inventory;
    private final BulkService service;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ApplyHandler(ChangeSetRepository repository, PolicyRepository policies, TikTokEntities tiktok, Planner planner,
            InventoryTargets inventory, BulkService service, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.policies = policies;
        this.tiktok = tiktok;
        this.planner = planner;
        this.inventory = inventory;
        this.service = service;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public JobType<ApplyPayload> type() {
        return ApplyPayload.JOB;
    }

    @Override
    public void run(JobRun run, ApplyPayload payload) {
        WorkspaceId ws = run.workspaceId();
        ChangeSetRepository.Row row = repository.find(ws, payload.changeSetId())
                .orElseThrow(() -> new JobFailedPermanently("The change set no longer exists."));
        if (row.status() != ChangeSetStatus.APPLYING) {
            return;   // finished by an earlier attempt
        }
        Apply apply = new Apply(run.jobId(), run, row);
        try {
            apply.run();
        } catch (JobFailedPermanently e) {
            try {
                apply.giveUp(e.getMessage(), false);
            } catch (RuntimeException settling) {
                // the change-set clock settles it once the job row shows FAILED
                log.warn("Change set {} could not be settled after its job failed: {}", row.id(), settling.getMessage());
            }
            throw e;
        }
    }

    /**
     * Ends a change set still APPLYING whose job ended without finishing it; false when it is no longer APPLYING.
     *
     * @param cancelled the job was cancelled: lines not sent are skipped and the change set ends CANCELLED
     */
    boolean settle(ChangeSetRepository.Row row, JobId jobId, String reason, boolean cancelled) {
        if (row.status() != ChangeSetStatus.APPLYING) {
            return false;
        }
        return new Apply(jobId, null, row).giveUp(reason, cancelled);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** One run over one change set. */
    private final class Apply {
        private final JobId jobId;
        private final JobRun run;   // null when settling after the job ended
        private final ChangeSetRepository.Row row;
        private final WorkspaceId ws;
        private final Map<UUID, TikTokClient> clients = new HashMap<>();
        private long done;
        private long total;
        private long progressWrittenAt;

        Apply(JobId jobId, JobRun run, ChangeSetRepository.Row row) {
            this.jobId = jobId;
            this.run = run;
            this.row = row;
            this.ws = row.workspaceId();
        }

        void run() {
            List<ChangeSetRepository.LineRow> lines = repository.lines(ws, row.id());
            total = lines.size();
            recoverInFlight(lines);
            lines = repository.lines(ws, row.id());
            done = lines.stream().filter(l -> l.status() != LineStatus.PENDING).count();
            progress(true);
            boolean cancelled = false;
            for (List<ChangeSetRepository.LineRow> chunk : chunks(lines)) {
                if (cancelRequested()) {
                    cancelled = true;
                    break;
                }
                send(chunk);
                done += chunk.size();
                progress(false);
            }
            progress(true);
            if (cancelled) {
                List<Integer> rest = repository.lines(ws, row.id()).stream()
                        .filter(l -> l.status() == LineStatus.PENDING).map(ChangeSetRepository.LineRow::seq).toList();
                repository.updateLines(ws, row.id(), rest, LineStatus.SKIPPED, "Cancelled before it was applied.",
                        null, null, null, null);
            }
            verify();
            finish(cancelled, null);
            if (cancelled) {
                throw new JobCancelledException();   // the job ends CANCELLED too
            }
        }

        /**
         * The job stops here: lines in flight are re-read (APPLIED when TikTok shows the new value), lines not sent
         * are FAILED with the reason (SKIPPED when cancelled), written lines are verified, and the change set ends.
         */
        boolean giveUp(String reason, boolean cancelled) {
            String why = reason == null || reason.isBlank() ? "no reason given" : reason;
            try {
                recoverInFlight(repository.lines(ws, row.id()));
            } catch (RuntimeException e) {
                repository.updateLines(ws, row.id(), seqs(repository.lines(ws, row.id()), LineStatus.SENDING),
                        LineStatus.FAILED, "The apply job stopped while this line was being sent and TikTok could not"
                                + " be read since: check it at TikTok.", null, null, null, null);
            }
            repository.updateLines(ws, row.id(), seqs(repository.lines(ws, row.id()), LineStatus.PENDING),
                    cancelled ? LineStatus.SKIPPED : LineStatus.FAILED, cancelled ? "Cancelled before it was applied."
                            : "Not sent: the apply job stopped (" + why + ").", null, null, null, null);
            try {
                verify();
            } catch (RuntimeException e) {
                log.info("Change set {}: written lines stay unverified, TikTok could not be read: {}", row.id(),
                        e.getMessage());
            }
            return finish(cancelled, cancelled ? null : why);
        }

        /**
         * The job's progress, written at most once a second unless {@code now} (the change set's page counts its
         * lines itself; the jobs page polls every few seconds), so that a chunk costs no statement for it.
         */
        private void progress(boolean now) {
            long at = System.nanoTime();
            if (run != null && (now || at - progressWrittenAt >= PROGRESS_EVERY_NANOS)) {
                run.progress(done, total);
                progressWrittenAt = at;
            }
        }

        /** Asked through the change set or through its job. */
        private boolean cancelRequested() {
            if (repository.cancelRequested(ws, row.id())) {
                return true;
            }
            try {
                run.stopIfCancelled();
                return false;
            } catch (JobCancelledException e) {
                return true;
            }
        }

        /** Lines of a chunk whose call may have reached TikTok before the last run died: re-read, never re-send blindly. */
        private void recoverInFlight(List<ChangeSetRepository.LineRow> lines) {
            List<ChangeSetRepository.LineRow> inFlight = lines.stream()
                    .filter(l -> l.status() == LineStatus.SENDING).toList();
            if (inFlight.isEmpty()) {
                return;
            }
            Map<String, TikTokEntities.Current> now = planner.readCurrent(ws, row.level(), targets(inFlight));
            List<ChangeSetRepository.LineRow> confirmed = new ArrayList<>();
            List<ChangeSetRepository.Outcome> again = new ArrayList<>();
            for (ChangeSetRepository.LineRow l : inFlight) {
                if (Planner.matches(l.after(), now.get(l.tiktokId()))) {
                    confirmed.add(l);
                } else {
                    again.add(ChangeSetRepository.Outcome.of(l.seq(), LineStatus.PENDING, null));
                }
            }
            record(again, confirmed, "Confirmed at TikTok after an interrupted run.", null);
        }

        /** Pending lines grouped by connection and advertiser, cut to TikTok's limits. */
        private List<List<ChangeSetRepository.LineRow>> chunks(List<ChangeSetRepository.LineRow> lines) {
            Map<String, List<ChangeSetRepository.LineRow>> groups = new LinkedHashMap<>();
            for (ChangeSetRepository.LineRow l : lines) {
                if (l.status() == LineStatus.PENDING) {
                    groups.computeIfAbsent(l.connectionId() + "/" + l.advertiserId(), k -> new ArrayList<>()).add(l);
                }
            }
            int size = !row.action().changesBudget() && !budgetLines() ? STATUS_CHUNK
                    : row.level() == BulkLevel.CAMPAIGN ? 1 : BUDGET_CHUNK;
            List<List<ChangeSetRepository.LineRow>> out = new ArrayList<>();
            groups.values().forEach(group -> {
                for (int i = 0; i < group.size(); i += size) {
                    out.add(group.subList(i, Math.min(group.size(), i + size)));
                }
            });
            return out;
        }

        private boolean budgetLines() {
            return row.action().changesBudget();
        }

        private void send(List<ChangeSetRepository.LineRow> chunk) {
            for (ChangeSetRepository.LineRow l : chunk) {
                if (!writable(l, row.level())) {   // a retry would read the same line again
                    throw new JobFailedPermanently("line " + l.seq() + " (" + l.tiktokId()
                            + ") holds no value TikTok could be sent");
                }
            }
            List<ChangeSetRepository.LineRow> allowed = checkGuardrails(chunk);
            if (allowed.isEmpty()) {
                return;
            }
            transaction.executeWithoutResult(tx -> repository.setStatus(ws, row.id(),
                    allowed.stream().map(ChangeSetRepository.LineRow::seq).toList(), LineStatus.SENDING));
            ChangeSetRepository.LineRow first = allowed.get(0);
            TikTokClient client = clients.computeIfAbsent(first.connectionId(),
                    c -> tiktok.client(ws, c, Actor.system("job:" + jobId)));
            try {
                ApiResult result;
                Map<String, String> failures = new HashMap<>();
                if (first.after().containsKey("status")) {
                    result = tiktok.writeStatus(client, first.advertiserId(), row.level(),
                            allowed.stream().map(ChangeSetRepository.LineRow::tiktokId).toList(),
                            (String) first.after().get("status"));
                    for (JsonNode error : result.data().path("error_list")) {
                        failures.put(error.path("adgroup_id").asString(), error.path("error_message").asString());
                    }
                } else if (row.level() == BulkLevel.CAMPAIGN) {
                    result = tiktok.writeCampaignBudget(client, first.advertiserId(), first.tiktokId(), budget(first));
                } else {
                    Map<String, BigDecimal> budgets = new LinkedHashMap<>();
                    allowed.forEach(l -> budgets.put(l.tiktokId(), budget(l)));
                    result = tiktok.writeAdGroupBudgets(client, first.advertiserId(), budgets);
                }
                // the chunk's outcome in one transaction, before the next chunk is sent
                List<ChangeSetRepository.Outcome> failed = new ArrayList<>();
                List<ChangeSetRepository.LineRow> ok = new ArrayList<>();
                for (ChangeSetRepository.LineRow l : allowed) {
                    String failure = failures.get(l.tiktokId());
                    if (failure != null) {
                        failed.add(new ChangeSetRepository.Outcome(l.seq(), LineStatus.FAILED, null, null, failure,
                                result.requestId(), null));
                    } else {
                        ok.add(l);
                    }
                }
                record(failed, ok, null, result.requestId());
            } catch (TikTokApiException e) {
                // retryable codes were already retried with backoff by the client; this chunk's lines fail
                repository.updateLines(ws, row.id(), allowed.stream().map(ChangeSetRepository.LineRow::seq).toList(),
                        LineStatus.FAILED, null, e.code() == 0 ? null : e.code(), e.getMessage(), e.requestId(), null);
                if (e instanceof com.tttools.app.tiktok.NeedsReauthorizationException && run != null) {
                    run.message("TikTok no longer accepts the connection's token: reconnect TikTok and apply again.");
                }
            }
        }

        /** Cooldown and budget increase are judged again at the moment of writing; refused lines are skipped. */
        private List<ChangeSetRepository.LineRow> checkGuardrails(List<ChangeSetRepository.LineRow> chunk) {
            var policy = policies.policy(ws);
            var guardrails = policy.guardrails();
            boolean cooldown = guardrails != null && guardrails.cooldownMinutes() != null
                    && guardrails.cooldownMinutes() > 0;
            boolean increase = guardrails != null && guardrails.maxBudgetIncreasePercent() != null
                    && row.action().changesBudget();
            if (!cooldown && !increase) {
                return chunk;   // nothing to judge against the ledger: no read for it
            }
            Instant now = now();
            Map<String, List<Guardrails.LedgerEntry>> history = policies.history(ws, row.level(),
                    chunk.stream().map(ChangeSetRepository.LineRow::tiktokId).toList(),
                    now.minus(Guardrails.INCREASE_WINDOW));
            List<ChangeSetRepository.LineRow> allowed = new ArrayList<>();
            List<ChangeSetRepository.Outcome> refused = new ArrayList<>();
            for (ChangeSetRepository.LineRow l : chunk) {
                List<String> reasons = Planner.guardrailProblems(policy, Planner.changes(List.of(l)), history, now);
                if (reasons.isEmpty()) {
                    allowed.add(l);
                } else {
                    refused.add(ChangeSetRepository.Outcome.of(l.seq(), LineStatus.SKIPPED,
                            "Refused by a guardrail: " + reasons.get(0)));
                }
            }
            repository.updateLines(ws, row.id(), refused);
            return allowed;
        }

        /**
         * Records a chunk's outcome in one transaction of at most three statements whatever the chunk's size: the
         * lines' outcomes ({@code others}, and {@code written} as APPLIED), the guardrail ledger and the inventory's
         * copy of the written lines.
         */
        private void record(List<ChangeSetRepository.Outcome> others, List<ChangeSetRepository.LineRow> written,
                String note, String requestId) {
            if (others.isEmpty() && written.isEmpty()) {
                return;
            }
            Instant now = now();
            List<ChangeSetRepository.Outcome> outcomes = new ArrayList<>(others);
            List<PolicyRepository.LedgerWrite> ledger = new ArrayList<>();
            List<InventoryTargets.Write> copies = new ArrayList<>();
            for (ChangeSetRepository.LineRow l : written) {
                outcomes.add(new ChangeSetRepository.Outcome(l.seq(), LineStatus.APPLIED, note, null, null, requestId,
                        now));
                ledger.add(new PolicyRepository.LedgerWrite(l.tiktokId(), number(l.before().get("budget")),
                        number(l.after().get("budget"))));
                Map<String, Object> fields = new LinkedHashMap<>();
                if (l.after().containsKey("status")) {
                    fields.put("operation_status", l.after().get("status"));
                } else {
                    fields.put("budget", l.after().get("budget"));
                }
                copies.add(new InventoryTargets.Write(l.tiktokId(), fields, null));
            }
            transaction.executeWithoutResult(tx -> {
                repository.updateLines(ws, row.id(), outcomes);
                policies.recordWrites(ws, row.level(), now, row.id(), ledger);
                inventory.recordWrites(ws, Planner.kind(row.level()), copies);
            });
        }

        /** Re-reads every written line: VERIFIED when TikTok shows the new value, DRIFTED otherwise. */
        private void verify() {
            List<ChangeSetRepository.LineRow> written = repository.lines(ws, row.id()).stream()
                    .filter(l -> l.status() == LineStatus.APPLIED).toList();
            if (written.isEmpty()) {
                return;
            }
            // read in batches of 100 ids (TikTokEntities.READ_BATCH); recorded in three statements
            Map<String, TikTokEntities.Current> now = planner.readCurrent(ws, row.level(), targets(written));
            List<Integer> verified = new ArrayList<>();
            List<ChangeSetRepository.Outcome> drifted = new ArrayList<>();
            List<InventoryTargets.Write> copies = new ArrayList<>();
            for (ChangeSetRepository.LineRow l : written) {
                TikTokEntities.Current current = now.get(l.tiktokId());
                if (Planner.matches(l.after(), current)) {
                    verified.add(l.seq());
                } else {
                    drifted.add(ChangeSetRepository.Outcome.of(l.seq(), LineStatus.DRIFTED,
                            "TikTok now shows " + Planner.before(current) + "."));
                }
                if (current.found()) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("operation_status", current.operationStatus());
                    if (current.budget() != null) {
                        fields.put("budget", current.budget());
                    }
                    copies.add(new InventoryTargets.Write(l.tiktokId(), fields, current.secondaryStatus()));
                }
            }
            transaction.executeWithoutResult(tx -> {
                repository.updateLines(ws, row.id(), drifted);
                inventory.recordWrites(ws, Planner.kind(row.level()), copies);
                repository.setStatus(ws, row.id(), verified, LineStatus.VERIFIED);   // keeps the write's request id
            });
        }

        /** Ends the change set (once: false when it was no longer APPLYING); {@code reason} when the job gave up. */
        private boolean finish(boolean cancelled, String reason) {
            List<ChangeSetRepository.LineRow> lines = repository.lines(ws, row.id());
            int written = 0;
            int failed = 0;
            int drifted = 0;
            for (ChangeSetRepository.LineRow l : lines) {
                written += l.status().written() ? 1 : 0;
                failed += l.status() == LineStatus.FAILED ? 1 : 0;
                drifted += l.status() == LineStatus.DRIFTED ? 1 : 0;
            }
            ChangeSetStatus status = cancelled ? ChangeSetStatus.CANCELLED
                    : failed == 0 && drifted == 0 ? ChangeSetStatus.SUCCEEDED
                    : written - drifted > 0 ? ChangeSetStatus.PARTIALLY_SUCCEEDED : ChangeSetStatus.FAILED;
            Instant now = now();
            // after the slot that just ran, even if this node's clock is behind the one that started it
            Instant ran = row.nextRunAt() != null && row.nextRunAt().isAfter(now) ? row.nextRunAt() : now;
            Instant next = !cancelled && row.schedule() != null ? Schedules.next(null, row.schedule(), ran) : null;
            ChangeSetView.Counts counts = Views.counts(lines);
            return Boolean.TRUE.equals(transaction.execute(tx -> {
                if (!repository.transition(ws, row.id(), Set.of(ChangeSetStatus.APPLYING), status)) {
                    return false;
                }
                repository.finished(ws, row.id(), status, now, next);
                if (next != null) {
                    repository.transition(ws, row.id(), Set.of(status), ChangeSetStatus.SCHEDULED);
                }
                events.publishEvent(new ChangeSetFinished(service.ref(row, lines.size()), new UserId(row.createdBy()),
                        jobId, status, counts, row.revertOf() == null ? null : row.revertOf().toString(),
                        BulkService.changesForAudit(lines), reason, now));
                return true;
            }));
        }

        private List<InventoryTargets.Target> targets(List<ChangeSetRepository.LineRow> lines) {
            Set<String> seen = new HashSet<>();
            List<InventoryTargets.Target> out = new ArrayList<>();
            for (ChangeSetRepository.LineRow l : lines) {
                if (seen.add(l.tiktokId())) {
                    out.add(new InventoryTargets.Target(l.tiktokId(), l.name(), l.advertiserId(), null, null,
                            l.connectionId(), null, false));
                }
            }
            return out;
        }
    }

    /** A status TikTok knows, or a budget (never on ads). */
    private static boolean writable(ChangeSetRepository.LineRow l, BulkLevel level) {
        Object status = l.after().get("status");
        if (status != null) {
            return STATUSES.contains(status.toString());
        }
        Object budget = l.after().get("budget");
        if (budget == null || level == BulkLevel.AD) {
            return false;
        }
        try {
            return new BigDecimal(budget.toString()).signum() >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<Integer> seqs(List<ChangeSetRepository.LineRow> lines, LineStatus status) {
        return lines.stream().filter(l -> l.status() == status).map(ChangeSetRepository.LineRow::seq).toList();
    }

    private static BigDecimal budget(ChangeSetRepository.LineRow l) {
        return new BigDecimal(l.after().get("budget").toString());
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
