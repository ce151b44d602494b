package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.BulkPolicyChanged;
import com.tttools.app.bulk.ChangeSetApplyStarted;
import com.tttools.app.bulk.ChangeSetApproved;
import com.tttools.app.bulk.ChangeSetAwaitingApproval;
import com.tttools.app.bulk.ChangeSetCancelled;
import com.tttools.app.bulk.ChangeSetPlanned;
import com.tttools.app.bulk.ChangeSetRef;
import com.tttools.app.bulk.ChangeSetRejected;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.inventory.InventoryTargets;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.Cursors;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** {@link BulkOperations}: states and rules of change sets. TikTok is read outside of database transactions. */
@Service
class BulkService implements BulkOperations {

    /** How long an {@code Idempotency-Key} names its change set (docs/bulk-operations.md). */
    static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

    static final int MAX_COMMENT = 1000;
    private static final String LIST_CURSOR = "bulk-operations";
    private static final String LINES_CURSOR = "bulk-operation-lines";

    private final ChangeSetRepository repository;
    private final PolicyRepository policies;
    private final Planner planner;
    private final Views views;
    private final Jobs jobs;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final BulkProperties properties;

    BulkService(ChangeSetRepository repository, PolicyRepository policies, Planner planner, Views views, Jobs jobs,
            TenantDirectory tenants, ApplicationEventPublisher events, TransactionTemplate transaction,
            JsonMapper json, Clock clock, BulkProperties properties) {
        this.repository = repository;
        this.policies = policies;
        this.planner = planner;
        this.views = views;
        this.jobs = jobs;
        this.tenants = tenants;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    // ---- plan ----------------------------------------------------------------------------------------------

    @Override
    public ChangeSetView plan(Caller caller, WorkspaceId ws, PlanCommand command, String idempotencyKey) {
        validate(command);
        String hash = hash(command);
        if (idempotencyKey != null) {
            com.tttools.app.shared.validation.IdempotencyKey.Validator.problem(idempotencyKey).ifPresent(problem -> {
                throw new ValidationFailedException(com.tttools.app.shared.validation.IdempotencyKey.FIELD, problem);
            });
            // a key names its plan for 24 hours, as the jobs' keys do; after that its reuse plans anew
            repository.forgetIdempotencyKey(ws, caller.userId().value(), idempotencyKey, now().minus(IDEMPOTENCY_WINDOW));
            Optional<ChangeSetView> earlier = repeated(caller, ws, idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        List<InventoryTargets.Target> targets = planner.targets(ws, command);
        Map<String, InventoryTargets.Advertiser> advertisers = planner.advertisers(ws, targets);
        Planner.checkCurrencies(command, advertisers, targets);
        Planner.Plan plan = planner.plan(ws, command.action(), command.level(), command.value(), targets, advertisers);
        Map<String, Object> schedule = command.schedule() == null ? null
                : Schedules.stored(command.schedule(), advertisers.values().stream()
                        .map(InventoryTargets.Advertiser::timezone).filter(java.util.Objects::nonNull).findFirst()
                        .orElse("UTC"));
        try {
            return store(caller, ws, command.action(), command.level(), value(command.value()), plan, null,
                    command.runAt(), schedule, idempotencyKey, hash);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // the same key planned concurrently: the first one wins
            return repeated(caller, ws, idempotencyKey, hash).orElseThrow(() -> e);
        }
    }

    private Optional<ChangeSetView> repeated(Caller caller, WorkspaceId ws, String key, String hash) {
        return repository.findByIdempotencyKey(ws, caller.userId().value(), key).map(row -> {
            if (!hash.equals(row.requestHash())) {
                throw new ValidationFailedException("Idempotency-Key",
                        "was already used for a different request; use a new key");
            }
            return views.full(row);
        });
    }

    /** Guardrails, approval policy, insert and events: the part of planning inside one transaction. */
    private ChangeSetView store(Caller caller, WorkspaceId ws, BulkAction action, BulkLevel level,
            Map<String, Object> value, Planner.Plan plan, UUID revertOf, Instant runAt, Map<String, Object> schedule,
            String idempotencyKey, String hash) {
        Instant now = now();
        BulkPolicy policy = policies.policy(ws);
        List<String> refusals = new ArrayList<>();
        if (runAt != null) {
            Guardrails.blackout(policy.guardrails(), runAt).ifPresent(refusals::add);
        }
        List<Guardrails.Change> changes = Planner.changes(plan.lines());
        refusals.addAll(Planner.guardrailProblems(policy, changes, policies.history(ws, level,
                changes.stream().map(Guardrails.Change::tiktokId).toList(), now.minus(Guardrails.INCREASE_WINDOW)), now));
        if (!refusals.isEmpty()) {
            throw new ValidationFailedException(Planner.asProblems(refusals));
        }
        List<String> reasons = ApprovalRules.reasons(policy, action, plan.lines().size(), plan.totals());
        boolean scheduled = runAt != null || schedule != null;
        ChangeSetStatus status = !reasons.isEmpty() ? ChangeSetStatus.AWAITING_APPROVAL
                : scheduled ? ChangeSetStatus.SCHEDULED : ChangeSetStatus.APPROVED;
        Instant nextRunAt = status == ChangeSetStatus.SCHEDULED ? Schedules.next(runAt, schedule, now) : null;
        UUID id = UUID.randomUUID();
        Map<String, Object> totals = new LinkedHashMap<>();
        plan.totals().forEach((currency, t) -> totals.put(currency, Map.of("before", t.before(), "after", t.after())));
        ChangeSetRepository.Row row = new ChangeSetRepository.Row(id, ws, status, action, level, value,
                caller.userId().value(), caller.email(), now, now.plus(properties.approvalTtl()),
                reasons.isEmpty() ? now : null, runAt, schedule, nextRunAt, revertOf, null, false, !reasons.isEmpty(),
                reasons, totals, null, null, hash);
        return transaction.execute(tx -> {
            repository.insert(row, plan.lines(), idempotencyKey);
            ChangeSetRef ref = ref(row, plan.lines().size());
            events.publishEvent(new ChangeSetPlanned(ref, actor(caller), status,
                    revertOf == null ? null : revertOf.toString(), changesForAudit(plan.lines()), caller.request(), now));
            if (status == ChangeSetStatus.AWAITING_APPROVAL) {
                events.publishEvent(new ChangeSetAwaitingApproval(ref, caller.userId(), caller.email(), reasons,
                        row.expiresAt()));
            }
            return views.full(row, plan.lines());
        });
    }

    private static void validate(PlanCommand c) {
        List<FieldProblem> problems = new ArrayList<>();
        if (c.action() == null) {
            problems.add(new FieldProblem("action", "must be one of PAUSE, ENABLE, DELETE, SET_BUDGET, CHANGE_BUDGET"));
        }
        if (c.level() == null) {
            problems.add(new FieldProblem("level", "must be one of CAMPAIGN, ADGROUP, AD"));
        }
        if ((c.targets() == null) == (c.filter() == null)) {
            problems.add(new FieldProblem("targets", "give either targets (TikTok ids) or a filter"));
        } else if (c.targets() != null && c.targets().isEmpty()) {
            problems.add(new FieldProblem("targets", "selects no entities: choose at least one"));
        }
        if (c.runAt() != null && c.schedule() != null) {
            problems.add(new FieldProblem("runAt", "give either runAt or schedule"));
        }
        if (c.schedule() != null) {
            Schedules.validate(c.schedule(), problems);
        }
        if (c.action() != null && c.action().changesBudget()) {
            if (c.level() == BulkLevel.AD) {
                problems.add(new FieldProblem("level", "ads have no budget: choose CAMPAIGN or ADGROUP"));
            }
            PlanCommand.Value v = c.value();
            if (v == null) {
                problems.add(new FieldProblem("value", "a budget action needs a value"));
            } else {
                if (c.action() == BulkAction.SET_BUDGET && (v.amount() == null || v.amount().signum() <= 0
                        || v.percent() != null)) {
                    problems.add(new FieldProblem("value.amount", "setting a budget needs an amount above 0"));
                }
                if (c.action() == BulkAction.CHANGE_BUDGET && (v.amount() == null) == (v.percent() == null)) {
                    problems.add(new FieldProblem("value", "give either amount or percent"));
                }
                if (v.percent() != null && v.percent().compareTo(BigDecimal.valueOf(-100)) <= 0) {
                    problems.add(new FieldProblem("value.percent", "must be above -100"));
                }
                if (v.floor() != null && v.ceiling() != null && v.floor().compareTo(v.ceiling()) > 0) {
                    problems.add(new FieldProblem("value.floor", "must not be above the ceiling"));
                }
                if (v.floor() != null && v.floor().signum() < 0) {
                    problems.add(new FieldProblem("value.floor", "must not be negative"));
                }
            }
        } else if (c.value() != null) {
            problems.add(new FieldProblem("value", "only budget actions take a value"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    private String hash(PlanCommand command) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(command).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> value(PlanCommand.Value v) {
        if (v == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        if (v.amount() != null) {
            out.put("amount", v.amount());
        }
        if (v.percent() != null) {
            out.put("percent", v.percent());
        }
        if (v.floor() != null) {
            out.put("floor", v.floor());
        }
        if (v.ceiling() != null) {
            out.put("ceiling", v.ceiling());
        }
        return out;
    }

    // ---- read ----------------------------------------------------------------------------------------------

    @Override
    public Optional<ChangeSetView> find(WorkspaceId ws, String id) {
        return uuid(id).flatMap(uuid -> repository.find(ws, uuid)).map(views::full);
    }

    @Override
    public Optional<ChangeSetView> summary(WorkspaceId ws, String id) {
        return uuid(id).flatMap(uuid -> repository.find(ws, uuid)).map(views::summary);
    }

    @Override
    public CursorPage<ChangeSetView.Line> lines(WorkspaceId ws, String id, int limit, String cursor) {
        if (limit < 1 || limit > 500) {
            throw new ValidationFailedException("limit", "must be between 1 and 500");
        }
        UUID changeSet = uuid(id).filter(uuid -> repository.find(ws, uuid).isPresent())
                .orElseThrow(() -> new NotFoundException("Change set"));
        List<String> fields = Cursors.decode(cursor, LINES_CURSOR, 2);
        int after = 0;
        if (fields != null) {
            if (!fields.get(0).equals(changeSet.toString())) {
                throw Cursors.invalid();   // a cursor of another change set's lines
            }
            after = Cursors.offset(fields.get(1));
        }
        List<ChangeSetRepository.LineRow> rows = repository.lines(ws, changeSet, after, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            next = Cursors.encode(LINES_CURSOR, changeSet.toString(), Integer.toString(rows.get(limit - 1).seq()));
        }
        return new CursorPage<>(rows.stream().map(Views::line).toList(), next);
    }

    @Override
    public List<ChangeSetView.Warning> warnings(WorkspaceId ws, String id) {
        return uuid(id).filter(uuid -> repository.find(ws, uuid).isPresent())
                .map(uuid -> repository.warnings(ws, uuid)).orElse(List.of());
    }

    @Override
    public CursorPage<ChangeSetView> list(WorkspaceId ws, ChangeSetStatus status, int limit, String cursor) {
        if (limit < 1 || limit > 500) {
            throw new ValidationFailedException("limit", "must be between 1 and 500");
        }
        List<String> fields = Cursors.decode(cursor, LIST_CURSOR, 2);
        Instant afterAt = fields == null ? null : Cursors.instant(fields.get(0));
        UUID afterId = fields == null ? null : Cursors.uuid(fields.get(1));
        List<ChangeSetRepository.Row> rows = repository.list(ws, status, afterAt, afterId, limit + 1);
        String next = null;
        if (rows.size() > limit) {
            ChangeSetRepository.Row last = rows.get(limit - 1);
            next = Cursors.encode(LIST_CURSOR, Cursors.instant(last.createdAt()), last.id().toString());
            rows = rows.subList(0, limit);
        }
        return new CursorPage<>(rows.stream().map(views::summary).toList(), next);
    }

    // ---- approve / reject ----------------------------------------------------------------------------------

    @Override
    public ChangeSetView approve(Caller caller, WorkspaceId ws, String id, String comment) {
        String text = clip(comment);
        return transaction.execute(tx -> {
            ChangeSetRepository.Row row = locked(ws, id);
            awaitingDecision(caller, row);
            Instant now = now();
            ChangeSetStatus to = row.runAt() != null || row.schedule() != null ? ChangeSetStatus.SCHEDULED
                    : ChangeSetStatus.APPROVED;
            repository.addDecision(ws, row.id(), caller.userId().value(), caller.email(), "APPROVED", text, now);
            repository.approved(ws, row.id(), to, now,
                    to == ChangeSetStatus.SCHEDULED ? Schedules.next(row.runAt(), row.schedule(), now) : null);
            events.publishEvent(new ChangeSetApproved(ref(row, lineCount(row)), actor(caller),
                    new com.tttools.app.shared.UserId(row.createdBy()), text, caller.request(), now));
            return views.full(repository.find(ws, row.id()).orElseThrow());
        });
    }

    @Override
    public ChangeSetView reject(Caller caller, WorkspaceId ws, String id, String reason) {
        String text = clip(reason);
        if (text == null) {
            throw new ValidationFailedException("reason", "say why the change set is rejected");
        }
        return transaction.execute(tx -> {
            ChangeSetRepository.Row row = locked(ws, id);
            awaitingDecision(caller, row);
            Instant now = now();
            repository.addDecision(ws, row.id(), caller.userId().value(), caller.email(), "REJECTED", text, now);
            repository.finished(ws, row.id(), ChangeSetStatus.REJECTED, now, null);
            events.publishEvent(new ChangeSetRejected(ref(row, lineCount(row)), actor(caller),
                    new com.tttools.app.shared.UserId(row.createdBy()), text, caller.request(), now));
            return views.full(repository.find(ws, row.id()).orElseThrow());
        });
    }

    /** The two-person rule and the state an approval or rejection needs. */
    private void awaitingDecision(Caller caller, ChangeSetRepository.Row row) {
        if (row.createdBy().equals(caller.userId().value())) {
            throw new ForbiddenException("The author of a change set cannot approve or reject it: another workspace "
                    + "admin must.");
        }
        if (row.status() == ChangeSetStatus.AWAITING_APPROVAL && !row.expiresAt().isAfter(now())) {
            throw new ConflictException("The change set expired unapproved at " + row.expiresAt() + ".");
        }
        if (row.status() != ChangeSetStatus.AWAITING_APPROVAL) {
            throw new ConflictException("The change set is " + row.status() + ", not awaiting approval.");
        }
    }

    // ---- apply / cancel ------------------------------------------------------------------------------------

    @Override
    public String apply(Caller caller, WorkspaceId ws, String id) {
        return transaction.execute(tx -> {
            ChangeSetRepository.Row row = locked(ws, id);
            if (row.status() != ChangeSetStatus.APPROVED) {
                throw new ConflictException("The change set is " + row.status()
                        + "; only an approved change set can be applied.");
            }
            Guardrails.blackout(policies.policy(ws).guardrails(), now()).ifPresent(reason -> {
                throw new ValidationFailedException("guardrails", reason);
            });
            return start(row, actor(caller), caller.userId(), caller.request());
        });
    }

    /** Submits the apply job and marks the change set APPLYING (in the caller's transaction). */
    String start(ChangeSetRepository.Row row, Actor actor, com.tttools.app.shared.UserId by,
            com.tttools.app.shared.audit.RequestMetadata request) {
        JobView job = jobs.submit(JobRequest.of(row.workspaceId(), ApplyPayload.JOB, new ApplyPayload(row.id()))
                .withConcurrencyKey("bulk:" + row.id()).withCreatedBy(by));
        repository.applying(row.workspaceId(), row.id(), job.jobId(), now());
        events.publishEvent(new ChangeSetApplyStarted(ref(row, lineCount(row)), actor, job.jobId(), request, now()));
        return job.id();
    }

    @Override
    public ChangeSetView cancel(Caller caller, WorkspaceId ws, String id) {
        return transaction.execute(tx -> {
            ChangeSetRepository.Row row = locked(ws, id);
            Set<ChangeSetStatus> droppable = EnumSet.of(ChangeSetStatus.AWAITING_APPROVAL, ChangeSetStatus.APPROVED,
                    ChangeSetStatus.SCHEDULED);
            if (row.status() == ChangeSetStatus.APPLYING) {
                boolean queued = row.jobId() != null && jobs.find(ws, row.jobId())
                        .map(job -> job.status() == com.tttools.app.jobs.JobStatus.QUEUED).orElse(false);
                if (queued && jobs.cancel(ws, row.jobId())) {
                    repository.finished(ws, row.id(), ChangeSetStatus.CANCELLED, now(), null);   // nothing was sent
                } else {
                    repository.requestCancel(ws, row.id());   // the job stops after its current chunk
                }
            } else if (droppable.contains(row.status())) {
                repository.finished(ws, row.id(), ChangeSetStatus.CANCELLED, now(), null);
            } else {
                throw new ConflictException("The change set is " + row.status() + "; there is nothing to cancel.");
            }
            events.publishEvent(new ChangeSetCancelled(ref(row, lineCount(row)), actor(caller), row.status(),
                    caller.request(), now()));
            return views.full(repository.find(ws, row.id()).orElseThrow());
        });
    }

    // ---- revert --------------------------------------------------------------------------------------------

    @Override
    public ChangeSetView revert(Caller caller, WorkspaceId ws, String id) {
        ChangeSetRepository.Row row = uuid(id).flatMap(uuid -> repository.find(ws, uuid))
                .orElseThrow(() -> new NotFoundException("Change set"));
        if (!EnumSet.of(ChangeSetStatus.SUCCEEDED, ChangeSetStatus.PARTIALLY_SUCCEEDED, ChangeSetStatus.FAILED,
                ChangeSetStatus.CANCELLED).contains(row.status())) {
            throw new ConflictException("The change set is " + row.status() + "; only a finished one can be reverted.");
        }
        if (row.action() == BulkAction.DELETE) {
            throw new ConflictException("Deleted entities cannot be restored at TikTok: a delete has no revert.");
        }
        List<ChangeSetRepository.LineRow> written = repository.lines(ws, row.id()).stream()
                .filter(l -> l.status() == LineStatus.APPLIED || l.status() == LineStatus.VERIFIED).toList();
        if (written.isEmpty()) {
            throw new ConflictException("No line of this change set was applied: there is nothing to revert.");
        }
        List<InventoryTargets.Target> targets = written.stream().map(l -> new InventoryTargets.Target(l.tiktokId(),
                l.name(), l.advertiserId(), null, null, l.connectionId(), null, false)).toList();
        Map<String, TikTokEntities.Current> current = planner.readCurrent(ws, row.level(), targets);
        BulkAction inverse = switch (row.action()) {
            case PAUSE -> BulkAction.ENABLE;
            case ENABLE -> BulkAction.PAUSE;
            default -> BulkAction.SET_BUDGET;
        };
        List<ChangeSetRepository.LineRow> lines = new ArrayList<>();
        int seq = 1;
        for (ChangeSetRepository.LineRow l : written) {
            TikTokEntities.Current now = current.get(l.tiktokId());
            Map<String, Object> after = new LinkedHashMap<>();
            if (l.after().containsKey("budget")) {
                after.put("budget", l.before().get("budget"));
            } else {
                after.put("status", l.before().get("status"));
            }
            ChangeSetRepository.LineRow line = planner.line(seq++, targets.get(seq - 2), l.currency(), inverse,
                    row.level(), null, after, now);
            if (line.status() == LineStatus.PENDING && !Planner.matches(l.after(), now)) {
                line = new ChangeSetRepository.LineRow(line.seq(), line.tiktokId(), line.name(), line.advertiserId(),
                        line.connectionId(), line.currency(), line.before(), line.after(), append(line.warnings(),
                        "Changed at TikTok since it was applied: it is left as it is now."), LineStatus.SKIPPED,
                        "Changed by someone else since it was applied.", null, null, null);
            }
            lines.add(line);
        }
        if (lines.stream().noneMatch(l -> l.status() == LineStatus.PENDING)) {
            throw new ConflictException("Every applied line was changed at TikTok since: there is nothing to revert.");
        }
        return store(caller, ws, inverse, row.level(), null, new Planner.Plan(lines, Planner.totals(lines)), row.id(),
                null, null, null, "revert:" + row.id());
    }

    private static List<String> append(List<String> list, String more) {
        List<String> out = new ArrayList<>(list);
        out.add(more);
        return out;
    }

    // ---- policy --------------------------------------------------------------------------------------------

    @Override
    public BulkPolicy policy(WorkspaceId ws) {
        return policies.policy(ws);
    }

    @Override
    public BulkPolicy updatePolicy(Caller caller, WorkspaceId ws, BulkPolicy policy) {
        BulkPolicy clean = PolicyInput.validated(policy);
        return transaction.execute(tx -> {
            BulkPolicy before = policies.policy(ws);
            Instant now = now();
            policies.save(ws, clean, caller.userId().value(), now);
            events.publishEvent(new BulkPolicyChanged(ws, tenants.organizationOf(ws).orElse(null), actor(caller),
                    before, clean, caller.request(), now));
            return policies.policy(ws);
        });
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private ChangeSetRepository.Row locked(WorkspaceId ws, String id) {
        return uuid(id).flatMap(uuid -> repository.lock(ws, uuid)).orElseThrow(() -> new NotFoundException("Change set"));
    }

    private int lineCount(ChangeSetRepository.Row row) {
        return repository.lineCounts(row.workspaceId(), row.id()).values().stream().mapToInt(Integer::intValue).sum();
    }

    ChangeSetRef ref(ChangeSetRepository.Row row, int lines) {
        return new ChangeSetRef(row.workspaceId(), tenants.organizationOf(row.workspaceId()).orElse(null),
                row.id().toString(), row.action(), row.level(), lines);
    }

    static List<Map<String, Object>> changesForAudit(List<ChangeSetRepository.LineRow> lines) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ChangeSetRepository.LineRow l : lines) {
            if (out.size() == 500) {
                break;   // a bounded audit entry; the change set keeps every line
            }
            Map<String, Object> change = new HashMap<>();
            change.put("tiktokId", l.tiktokId());
            change.put("before", l.before());
            change.put("after", l.after());
            change.put("status", l.status().name());
            out.add(change);
        }
        return out;
    }

    private static Actor actor(Caller caller) {
        return Actor.user(caller.userId(), caller.email());
    }

    private static String clip(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.length() > MAX_COMMENT) {
            throw new ValidationFailedException("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        return trimmed;
    }

    private static Optional<UUID> uuid(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
