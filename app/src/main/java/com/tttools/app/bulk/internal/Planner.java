package com.tttools.app.bulk.internal;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.bulk.PlanCommand;
import com.tttools.app.inventory.EntityKind;
import com.tttools.app.inventory.InventoryQuery;
import com.tttools.app.inventory.InventoryTargets;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.TikTokClient;
import com.tttools.app.shared.audit.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Turns a selection and an action into lines: resolves the targets in the inventory (another workspace's ids are
 * not found), reads each entity fresh from TikTok (batches of 100 per advertiser), computes the value to write and
 * the warnings, and the daily budget totals per currency. Nothing is written anywhere.
 */
@Component
class Planner {

    private static final Pattern TIKTOK_ID = Pattern.compile("[0-9]{1,30}");

    private final InventoryTargets inventory;
    private final TikTokEntities tiktok;
    private final BulkProperties properties;

    Planner(InventoryTargets inventory, TikTokEntities tiktok, BulkProperties properties) {
        this.inventory = inventory;
        this.tiktok = tiktok;
        this.properties = properties;
    }

    /** A computed plan: lines (seq from 1) and totals. */
    record Plan(List<ChangeSetRepository.LineRow> lines, Map<String, ChangeSetView.Total> totals) {
    }

    /** The TikTok ids the command selects, resolved in the inventory (404 for an id the workspace does not have). */
    List<InventoryTargets.Target> targets(WorkspaceId ws, PlanCommand command) {
        EntityKind kind = kind(command.level());
        List<String> ids;
        if (command.targets() != null) {
            Set<String> unique = new LinkedHashSet<>();
            for (String id : command.targets()) {
                if (id == null || !TIKTOK_ID.matcher(id).matches()) {
                    throw new ValidationFailedException("targets", "must be TikTok ids (digits)");
                }
                unique.add(id);
            }
            ids = new ArrayList<>(unique);
        } else {
            PlanCommand.Filter f = command.filter();
            ids = inventory.matchingIds(ws, new InventoryQuery(kind, f.advertiserId(), f.status(), null,
                    command.level() == BulkLevel.CAMPAIGN ? null : f.campaignId(), null, f.q(), null, null, null),
                    properties.maxTargets() + 1);
        }
        if (ids.isEmpty()) {
            throw new ValidationFailedException(command.targets() != null ? "targets" : "filter",
                    "selects no entities: choose at least one");
        }
        if (ids.size() > properties.maxTargets()) {
            throw new ValidationFailedException("targets", "selects more than " + properties.maxTargets()
                    + " entities: narrow the selection");
        }
        Map<String, InventoryTargets.Target> found = new LinkedHashMap<>();
        inventory.resolve(ws, kind, ids).forEach(t -> found.put(t.tiktokId(), t));
        List<InventoryTargets.Target> ordered = new ArrayList<>();
        for (String id : ids) {
            InventoryTargets.Target target = found.get(id);
            if (target == null) {
                throw new NotFoundException("Entity " + id);
            }
            ordered.add(target);
        }
        return ordered;
    }

    Map<String, InventoryTargets.Advertiser> advertisers(WorkspaceId ws, List<InventoryTargets.Target> targets) {
        return inventory.advertisers(ws, targets.stream().map(InventoryTargets.Target::advertiserId)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)));
    }

    /** 422 when an amount (not a percentage) would be applied across currencies. */
    static void checkCurrencies(PlanCommand command, Map<String, InventoryTargets.Advertiser> advertisers,
            List<InventoryTargets.Target> targets) {
        if (!command.action().changesBudget() || command.value() == null || command.value().amount() == null) {
            return;
        }
        Set<String> currencies = new TreeSet<>();
        for (InventoryTargets.Target t : targets) {
            InventoryTargets.Advertiser a = advertisers.get(t.advertiserId());
            currencies.add(a == null || a.currency() == null ? "unknown" : a.currency());
        }
        if (currencies.size() > 1) {
            throw new ValidationFailedException("value.amount", "the selection spans advertisers in "
                    + String.join(", ", currencies) + "; an amount needs one currency (change by percent instead)");
        }
    }

    /** Reads the targets from TikTok and builds the lines of {@code action}. */
    Plan plan(WorkspaceId ws, BulkAction action, BulkLevel level, PlanCommand.Value value,
            List<InventoryTargets.Target> targets, Map<String, InventoryTargets.Advertiser> advertisers) {
        Map<String, TikTokEntities.Current> current = readCurrent(ws, level, targets);
        List<ChangeSetRepository.LineRow> lines = new ArrayList<>();
        int seq = 1;
        for (InventoryTargets.Target t : targets) {
            InventoryTargets.Advertiser adv = advertisers.get(t.advertiserId());
            String currency = adv == null ? null : adv.currency();
            lines.add(line(seq++, t, currency, action, level, value, null, current.get(t.tiktokId())));
        }
        return new Plan(lines, totals(lines));
    }

    /** Reads the current state of these entities, grouped by connection and advertiser. */
    Map<String, TikTokEntities.Current> readCurrent(WorkspaceId ws, BulkLevel level,
            List<InventoryTargets.Target> targets) {
        Map<String, TikTokEntities.Current> out = new LinkedHashMap<>();
        Map<UUID, Map<String, List<String>>> groups = new LinkedHashMap<>();
        for (InventoryTargets.Target t : targets) {
            groups.computeIfAbsent(t.connectionId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(t.advertiserId(), k -> new ArrayList<>()).add(t.tiktokId());
        }
        groups.forEach((connection, byAdvertiser) -> {
            TikTokClient client = tiktok.client(ws, connection, Actor.system("bulk:read"));
            byAdvertiser.forEach((advertiser, ids) -> out.putAll(tiktok.read(client, advertiser, level, ids)));
        });
        return out;
    }

    /**
     * One line. {@code fixedAfter} is the value to write when it is given per line (a revert); otherwise it follows
     * from the action.
     */
    ChangeSetRepository.LineRow line(int seq, InventoryTargets.Target t, String currency, BulkAction action,
            BulkLevel level, PlanCommand.Value value, Map<String, Object> fixedAfter, TikTokEntities.Current now) {
        Map<String, Object> before = before(now);
        List<String> warnings = new ArrayList<>();
        LineStatus status = LineStatus.PENDING;
        String note = null;
        Map<String, Object> after = new LinkedHashMap<>();
        if (currency == null) {
            warnings.add("The advertiser's currency is not known yet (sync the inventory).");
        }
        if (now == null || now.deleted()) {
            warnings.add("Deleted at TikTok since it was selected: it will be skipped.");
            status = LineStatus.SKIPPED;
            note = "Deleted at TikTok.";
        } else if (now.parentDeleted()) {
            warnings.add("Its " + (level == BulkLevel.AD ? "ad group or campaign" : "campaign")
                    + " was deleted at TikTok, so it can no longer change: it will be skipped.");
            status = LineStatus.SKIPPED;
            note = "Its parent was deleted at TikTok.";
        }
        if (fixedAfter != null) {
            after.putAll(fixedAfter);
        } else if (!action.changesBudget()) {
            after.put("status", switch (action) {
                case PAUSE -> "DISABLE";
                case ENABLE -> "ENABLE";
                default -> "DELETE";
            });
        }
        if (after.containsKey("status") || !action.changesBudget()) {
            if (status == LineStatus.PENDING && after.get("status").equals(now.operationStatus())) {
                status = LineStatus.SKIPPED;
                note = "Already " + word(now.operationStatus()) + ".";
            }
            if ("ENABLE".equals(after.get("status")) && now != null && now.parentDisabled()) {
                warnings.add("Its " + (level == BulkLevel.AD ? "ad group or campaign" : "campaign")
                        + " is off, so enabling it has no effect until that is on.");
            }
        } else if (status == LineStatus.PENDING) {
            if (now.budget() == null || "BUDGET_MODE_INFINITE".equals(now.budgetMode())) {
                warnings.add("It has no budget to change (unlimited budget): it will be skipped.");
                status = LineStatus.SKIPPED;
                note = "No budget (unlimited).";
            } else {
                BigDecimal newBudget = fixedAfter != null ? new BigDecimal(fixedAfter.get("budget").toString())
                        : BudgetMath.after(action, value, now.budget(), BudgetMath.scaleOf(currency));
                after.put("budget", newBudget);
                BigDecimal minimum = currency == null ? null : (level == BulkLevel.CAMPAIGN
                        ? properties.campaignMinimumBudgets() : properties.adGroupMinimumBudgets()).get(currency);
                if (minimum != null && newBudget.compareTo(minimum) < 0) {
                    warnings.add("The new budget " + newBudget.toPlainString() + " " + currency
                            + " is under TikTok's minimum of " + minimum.toPlainString() + " " + currency
                            + ": TikTok will refuse it.");
                }
                if (newBudget.compareTo(now.budget()) == 0) {
                    status = LineStatus.SKIPPED;
                    note = "The budget is already " + newBudget.toPlainString() + ".";
                }
            }
        }
        return new ChangeSetRepository.LineRow(seq, t.tiktokId(), t.name(), t.advertiserId(), t.connectionId(),
                currency, before, after, warnings, status, note, null, null, null);
    }

    static Map<String, Object> before(TikTokEntities.Current now) {
        Map<String, Object> before = new LinkedHashMap<>();
        if (now == null || !now.found()) {
            before.put("status", "DELETE");
            return before;
        }
        before.put("status", now.operationStatus());
        if (now.secondaryStatus() != null) {
            before.put("secondaryStatus", now.secondaryStatus());
        }
        if (now.budget() != null) {
            before.put("budget", now.budget());
            before.put("budgetMode", now.budgetMode());
        }
        if (now.modifyTime() != null) {
            before.put("modifyTime", now.modifyTime());
        }
        return before;
    }

    /** Whether TikTok now shows the line's after value. */
    static boolean matches(Map<String, Object> after, TikTokEntities.Current now) {
        if (after.containsKey("status")) {
            return "DELETE".equals(after.get("status")) ? now.deleted()
                    : now.found() && after.get("status").equals(now.operationStatus());
        }
        return now.found() && now.budget() != null
                && now.budget().compareTo(new BigDecimal(after.get("budget").toString())) == 0;
    }

    /** Daily budget live before and after, per currency, over the lines that will be written. */
    static Map<String, ChangeSetView.Total> totals(List<ChangeSetRepository.LineRow> lines) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        for (ChangeSetRepository.LineRow l : lines) {
            Object budget = l.before().get("budget");
            if (budget == null || l.currency() == null || !"BUDGET_MODE_DAY".equals(l.before().get("budgetMode"))) {
                continue;
            }
            BigDecimal b = new BigDecimal(budget.toString());
            boolean liveBefore = "ENABLE".equals(l.before().get("status"));
            boolean pending = l.status() == LineStatus.PENDING;
            BigDecimal before = liveBefore ? b : BigDecimal.ZERO;
            BigDecimal after = before;
            if (pending && l.after().containsKey("budget")) {
                after = liveBefore ? new BigDecimal(l.after().get("budget").toString()) : BigDecimal.ZERO;
            } else if (pending && l.after().containsKey("status")) {
                after = "ENABLE".equals(l.after().get("status")) ? b : BigDecimal.ZERO;
            }
            BigDecimal[] sum = sums.computeIfAbsent(l.currency(), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            sum[0] = sum[0].add(before);
            sum[1] = sum[1].add(after);
        }
        Map<String, ChangeSetView.Total> out = new LinkedHashMap<>();
        sums.forEach((currency, s) -> out.put(currency, new ChangeSetView.Total(s[0], s[1])));
        return out;
    }

    /** The changes the guardrails judge (budget lines and every line for the cooldown). */
    static List<Guardrails.Change> changes(List<ChangeSetRepository.LineRow> lines) {
        List<Guardrails.Change> out = new ArrayList<>();
        for (ChangeSetRepository.LineRow l : lines) {
            if (l.status() != LineStatus.PENDING) {
                continue;
            }
            Object before = l.before().get("budget");
            Object after = l.after().get("budget");
            out.add(new Guardrails.Change(l.tiktokId(), l.name(), before == null || after == null ? null
                    : new BigDecimal(before.toString()), after == null ? null : new BigDecimal(after.toString())));
        }
        return out;
    }

    static List<String> guardrailProblems(BulkPolicy policy, List<Guardrails.Change> changes,
            Map<String, List<Guardrails.LedgerEntry>> history, Instant now) {
        List<String> reasons = new ArrayList<>();
        for (Guardrails.Change change : changes) {
            reasons.addAll(Guardrails.check(policy.guardrails(), change,
                    history.getOrDefault(change.tiktokId(), List.of()), now));
        }
        return reasons;
    }

    static List<FieldProblem> asProblems(List<String> reasons) {
        return reasons.stream().limit(20).map(r -> new FieldProblem("guardrails", r)).toList();
    }

    static EntityKind kind(BulkLevel level) {
        return switch (level) {
            case CAMPAIGN -> EntityKind.CAMPAIGN;
            case ADGROUP -> EntityKind.AD_GROUP;
            case AD -> EntityKind.AD;
        };
    }

    static String word(String status) {
        return switch (status == null ? "" : status) {
            case "DISABLE" -> "paused";
            case "ENABLE" -> "enabled";
            case "DELETE" -> "deleted";
            default -> String.valueOf(status).toLowerCase();
        };
    }
}
