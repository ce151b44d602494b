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
 * honoured between chunks.
 */
@Component
class ApplyHandler implements JobHandler<ApplyPayload> {

    static final int STATUS_CHUNK = 20;
    static final int BUDGET_CHUNK = 20;

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
        new Apply(run, row).run();
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** One run over one change set. */
    private final class Apply {
        private final JobRun run;
        private final ChangeSetRepository.Row row;
        private final WorkspaceId ws;
        private final Map<UUID, TikTokClient> clients = new HashMap<>();
        private long done;
        private long total;

        Apply(JobRun run, ChangeSetRepository.Row row) {
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
            run.progress(done, total);
            boolean cancelled = false;
            for (List<ChangeSetRepository.LineRow> chunk : chunks(lines)) {
                if (cancelRequested()) {
                    cancelled = true;
                    break;
                }
                send(chunk);
                done += chunk.size();
                run.progress(done, total);
            }
            if (cancelled) {
                List<Integer> rest = repository.lines(ws, row.id()).stream()
                        .filter(l -> l.status() == LineStatus.PENDING).map(ChangeSetRepository.LineRow::seq).toList();
                rest.forEach(seq -> repository.updateLine(ws, row.id(), seq, LineStatus.SKIPPED,
                        "Cancelled before it was applied.", null, null, null, null));
            }
            verify();
            finish(cancelled);
            if (cancelled) {
                throw new JobCancelledException();   // the job ends CANCELLED too
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
            for (ChangeSetRepository.LineRow l : inFlight) {
                if (Planner.matches(l.after(), now.get(l.tiktokId()))) {
                    applied(l, "Confirmed at TikTok after an interrupted run.", null);
                } else {
                    repository.updateLine(ws, row.id(), l.seq(), LineStatus.PENDING, null, null, null, null, null);
                }
            }
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
            List<ChangeSetRepository.LineRow> allowed = checkGuardrails(chunk);
            if (allowed.isEmpty()) {
                return;
            }
            transaction.executeWithoutResult(tx -> repository.setStatus(ws, row.id(),
                    allowed.stream().map(ChangeSetRepository.LineRow::seq).toList(), LineStatus.SENDING));
            ChangeSetRepository.LineRow first = allowed.get(0);
            TikTokClient client = clients.computeIfAbsent(first.connectionId(),
                    c -> tiktok.client(ws, c, Actor.system("job:" + run.jobId())));
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
                for (ChangeSetRepository.LineRow l : allowed) {
                    String failure = failures.get(l.tiktokId());
                    if (failure != null) {
                        repository.updateLine(ws, row.id(), l.seq(), LineStatus.FAILED, null, null, failure,
                                result.requestId(), null);
                    } else {
                        applied(l, null, result.requestId());
                    }
                }
            } catch (TikTokApiException e) {
                // retryable codes were already retried with backoff by the client; this chunk's lines fail
                String message = e.getMessage();
                for (ChangeSetRepository.LineRow l : allowed) {
                    repository.updateLine(ws, row.id(), l.seq(), LineStatus.FAILED, null, e.code() == 0 ? null : e.code(),
                            message, e.requestId(), null);
                }
                if (e instanceof com.tttools.app.tiktok.NeedsReauthorizationException) {
                    run.message("TikTok no longer accepts the connection's token: reconnect TikTok and apply again.");
                }
            }
        }

        /** Cooldown and budget increase are judged again at the moment of writing; refused lines are skipped. */
        private List<ChangeSetRepository.LineRow> checkGuardrails(List<ChangeSetRepository.LineRow> chunk) {
            var policy = policies.policy(ws);
            Instant now = now();
            Map<String, List<Guardrails.LedgerEntry>> history = policies.history(ws, row.level(),
                    chunk.stream().map(ChangeSetRepository.LineRow::tiktokId).toList(),
                    now.minus(Guardrails.INCREASE_WINDOW));
            List<ChangeSetRepository.LineRow> allowed = new ArrayList<>();
            for (ChangeSetRepository.LineRow l : chunk) {
                List<String> reasons = Planner.guardrailProblems(policy, Planner.changes(List.of(l)), history, now);
                if (reasons.isEmpty()) {
                    allowed.add(l);
                } else {
                    repository.updateLine(ws, row.id(), l.seq(), LineStatus.SKIPPED, "Refused by a guardrail: "
                            + reasons.get(0), null, null, null, null);
                }
            }
            return allowed;
        }

        /** Records a written line: outcome, guardrail ledger, the inventory's copy — in one transaction. */
        private void applied(ChangeSetRepository.LineRow l, String note, String requestId) {
            Instant now = now();
            transaction.executeWithoutResult(tx -> {
                repository.updateLine(ws, row.id(), l.seq(), LineStatus.APPLIED, note, null, null, requestId, now);
                policies.recordWrite(ws, row.level(), l.tiktokId(), now, row.id(), number(l.before().get("budget")),
                        number(l.after().get("budget")));
                Map<String, Object> fields = new LinkedHashMap<>();
                if (l.after().containsKey("status")) {
                    fields.put("operation_status", l.after().get("status"));
                } else {
                    fields.put("budget", l.after().get("budget"));
                }
                inventory.recordWrite(ws, Planner.kind(row.level()), l.tiktokId(), fields, null);
            });
        }

        /** Re-reads every written line: VERIFIED when TikTok shows the new value, DRIFTED otherwise. */
        private void verify() {
            List<ChangeSetRepository.LineRow> written = repository.lines(ws, row.id()).stream()
                    .filter(l -> l.status() == LineStatus.APPLIED).toList();
            if (written.isEmpty()) {
                return;
            }
            Map<String, TikTokEntities.Current> now = planner.readCurrent(ws, row.level(), targets(written));
            transaction.executeWithoutResult(tx -> {
                for (ChangeSetRepository.LineRow l : written) {
                    TikTokEntities.Current current = now.get(l.tiktokId());
                    boolean ok = Planner.matches(l.after(), current);
                    repository.updateLine(ws, row.id(), l.seq(), ok ? LineStatus.VERIFIED : LineStatus.DRIFTED,
                            ok ? null : "TikTok now shows " + Planner.before(current) + ".", null, null, null, null);
                    if (current.found()) {
                        Map<String, Object> fields = new LinkedHashMap<>();
                        fields.put("operation_status", current.operationStatus());
                        if (current.budget() != null) {
                            fields.put("budget", current.budget());
                        }
                        inventory.recordWrite(ws, Planner.kind(row.level()), l.tiktokId(), fields,
                                current.secondaryStatus());
                    }
                }
            });
        }

        private void finish(boolean cancelled) {
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
            Instant next = !cancelled && row.schedule() != null ? Schedules.next(null, row.schedule(), now) : null;
            ChangeSetView view = service.find(ws, row.id().toString()).orElseThrow();
            transaction.executeWithoutResult(tx -> {
                repository.finished(ws, row.id(), status, now, next);
                if (next != null) {
                    repository.transition(ws, row.id(), Set.of(status), ChangeSetStatus.SCHEDULED);
                }
                events.publishEvent(new ChangeSetFinished(service.ref(row, lines.size()), new UserId(row.createdBy()),
                        run.jobId(), status, view.counts(), row.revertOf() == null ? null : row.revertOf().toString(),
                        BulkService.changesForAudit(lines), now));
            });
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

    private static BigDecimal budget(ChangeSetRepository.LineRow l) {
        return new BigDecimal(l.after().get("budget").toString());
    }

    private static BigDecimal number(Object value) {
        return value == null ? null : new BigDecimal(value.toString());
    }
}
