package com.tttools.app.notifications.alerts;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.NotificationAction;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.reporting.DailyFacts;
import com.tttools.app.notifications.alerts.CampaignStates.CampaignState;
import com.tttools.app.reporting.DailyFacts.DailyFact;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates a workspace's enabled rules on its stored facts, each entity on its advertiser's "today". A rule that
 * holds fires at most once per entity and day (the dedup key), not again within its cooldown or while snoozed, and
 * not during its quiet hours (the next evaluation after them fires if the condition still holds). A firing is
 * recorded and every recipient who can still see the workspace's reports is notified in the same transaction.
 */
@Service
public class AlertEvaluator {

    static final String FIRED = "alert.fired";
    static final String ESCALATED = "alert.escalated";
    /** Days of facts read for one evaluation: the anomaly's four weeks back, plus CPA windows up to 30 days. */
    static final int LOOKBACK_DAYS = 35;
    private final AlertRuleStore rules;
    private final AlertFirings firings;
    private final DailyFacts facts;
    private final Notifications notifications;
    private final TenantAccess access;
    private final JdbcClient jdbc;
    private final CampaignStates campaigns;

    AlertEvaluator(AlertRuleStore rules, AlertFirings firings, DailyFacts facts, Notifications notifications,
            TenantAccess access, JdbcClient jdbc, CampaignStates campaigns) {
        this.campaigns = campaigns;
        this.rules = rules;
        this.firings = firings;
        this.facts = facts;
        this.notifications = notifications;
        this.access = access;
        this.jdbc = jdbc;
    }

    /** Evaluates every enabled rule of the workspace at {@code now}; returns how many firings it recorded. */
    @Transactional
    public int evaluate(WorkspaceId workspace, Instant now) {
        List<AlertRule> enabled = rules.enabled(workspace);
        if (enabled.isEmpty()) {
            return 0;
        }
        Map<String, ZoneId> zones = facts.advertiserZones(workspace);
        int fired = 0;
        for (AlertRule rule : enabled) {
            if (!rule.quietAt(now)) {
                for (AlertConditions.Candidate candidate : candidates(rule, zones, now)) {
                    fired += fire(rule, candidate, now) ? 1 : 0;
                }
            }
        }
        return fired;
    }

    private List<AlertConditions.Candidate> candidates(AlertRule rule, Map<String, ZoneId> zones, Instant now) {
        LocalDate latest = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1);
        List<DailyFact> rows = facts.daily(rule.workspaceId(), rule.level(), latest.minusDays(LOOKBACK_DAYS + 2), latest,
                rule.advertiserIds(), rule.campaignIds());
        Map<String, AlertConditions.Series> series = series(rows);
        List<AlertConditions.Candidate> found = new ArrayList<>();
        if (rule.kind().campaignOnly()) {
            for (CampaignState campaign : campaigns.campaigns(rule.workspaceId(), rule.advertiserIds(), rule.campaignIds())) {
                if (!campaign.enabled()) {
                    continue;
                }
                AlertConditions.Series s = series.getOrDefault(campaign.campaignId(), new AlertConditions.Series(
                        campaign.advertiserId(), campaign.campaignId(), campaign.name(), null, Map.of()));
                ZoneId zone = zones.getOrDefault(campaign.advertiserId(), ZoneOffset.UTC);
                LocalDate today = LocalDate.ofInstant(now, zone);
                if (rule.kind() == AlertKind.PACING) {
                    AlertConditions.check(rule, s, today, fractionOfDay(now, zone), campaign.dailyBudget()).ifPresent(found::add);
                } else {
                    zeroDelivery(rule, s, today, zone, now).ifPresent(found::add);
                }
            }
            return found;
        }
        for (AlertConditions.Series s : series.values()) {
            ZoneId zone = zones.getOrDefault(s.advertiserId(), ZoneOffset.UTC);
            AlertConditions.check(rule, s, LocalDate.ofInstant(now, zone), fractionOfDay(now, zone), null)
                    .ifPresent(found::add);
        }
        return found;
    }

    /**
     * Facts are daily, delivery gaps are hours: each evaluation notes today's impressions and since when they have
     * not grown (from local midnight on a new day); the rule holds once that is {@code hours} ago.
     */
    private Optional<AlertConditions.Candidate> zeroDelivery(AlertRule rule, AlertConditions.Series s, LocalDate today,
            ZoneId zone, Instant now) {
        DailyFact fact = s.on(today);
        long impressions = fact == null ? 0 : fact.impressions();
        Instant midnight = today.atStartOfDay(zone).toInstant();
        Instant since = jdbc.sql("""
                        INSERT INTO alert_delivery_watch (workspace_id, campaign_id, stat_date, impressions, since)
                        VALUES (:ws, :campaign, :day, :impressions, :start)
                        ON CONFLICT (workspace_id, campaign_id) DO UPDATE SET
                            since = CASE WHEN alert_delivery_watch.stat_date = EXCLUDED.stat_date
                                          AND alert_delivery_watch.impressions = EXCLUDED.impressions
                                         THEN alert_delivery_watch.since
                                         WHEN alert_delivery_watch.stat_date <> EXCLUDED.stat_date
                                          AND EXCLUDED.impressions = 0 THEN :midnight
                                         ELSE :now END,
                            stat_date = EXCLUDED.stat_date, impressions = EXCLUDED.impressions
                        RETURNING since
                        """)
                .param("ws", rule.workspaceId().value()).param("campaign", s.entityId()).param("day", today)
                .param("impressions", impressions)
                .param("start", Timestamp.from(impressions == 0 ? midnight : now))
                .param("midnight", Timestamp.from(midnight)).param("now", Timestamp.from(now))
                .query((rs, i) -> rs.getTimestamp(1).toInstant()).single();
        int hours = rule.hours() == null ? 1 : rule.hours();
        if (Duration.between(since, now).compareTo(Duration.ofHours(hours)) < 0) {
            return Optional.empty();
        }
        long idle = Duration.between(since, now).toHours();
        return Optional.of(new AlertConditions.Candidate(s.advertiserId(), s.entityId(), s.entityName(), today,
                BigDecimal.valueOf(impressions), "No new impressions for " + idle + " hours (enabled campaign)"));
    }

    private boolean fire(AlertRule rule, AlertConditions.Candidate c, Instant now) {
        if (firings.quiet(rule.workspaceId(), rule.id(), c.entityId(), now.minus(Duration.ofMinutes(rule.cooldownMinutes())), now)) {
            return false;
        }
        String dedupKey = c.entityId() + ":" + c.day();
        boolean telegram = rule.channels().isEmpty() || rule.channels().contains(Channel.TELEGRAM);
        Instant escalateAt = rule.escalateAfterMinutes() != null && telegram
                ? now.plus(Duration.ofMinutes(rule.escalateAfterMinutes())) : null;
        Optional<UUID> id = firings.insert(rule, c, dedupKey, now, escalateAt);
        id.ifPresent(firing -> notifyRecipients(rule, firing, c.entityName() == null ? c.entityId() : c.entityName(),
                c.message(), FIRED, rule.channels().isEmpty() ? null : rule.channels()));
        return id.isPresent();
    }

    void notifyRecipients(AlertRule rule, UUID firing, String entity, String message, String eventType,
            java.util.Set<Channel> channels) {
        String link = "/workspaces/" + rule.workspaceId() + "/alerts";
        List<NotificationAction> actions = new ArrayList<>();
        actions.add(new NotificationAction("Open", "open", link));
        actions.add(new NotificationAction("Snooze 24 h", AlertActions.SNOOZE, firing.toString()));
        actions.add(new NotificationAction("Acknowledge", AlertActions.ACK, firing.toString()));
        if (rule.level() == ReportLevel.CAMPAIGN) {
            actions.add(new NotificationAction("Pause", AlertPause.PAUSE, firing.toString()));
        }
        String title = (ESCALATED.equals(eventType) ? "Not yet acknowledged: " : "") + rule.name() + ": " + entity;
        for (UserId recipient : rule.recipients()) {
            if (canSee(recipient, rule.workspaceId())) {
                notifications.notify(new NotificationRequest(eventType, recipient, rule.workspaceId(), title, message,
                        link, eventType + ":" + firing, List.copyOf(actions), channels));
            }
        }
    }

    private boolean canSee(UserId user, WorkspaceId workspace) {
        try {
            access.requireWorkspace(user, workspace, WorkspacePermission.VIEW_REPORTS);
            return true;
        } catch (RuntimeException e) {
            return false;   // removed from the workspace since the rule was written
        }
    }

    /** Sends the due escalations: e-mail to every recipient of an alert nobody acknowledged on Telegram. */
    @Transactional
    public int escalate(Instant now) {
        int sent = 0;
        for (AlertFirings.Firing firing : firings.takeDueEscalations(now)) {
            Optional<AlertRule> rule = rules.find(firing.workspaceId(), firing.ruleId());
            if (rule.isPresent()) {
                notifyRecipients(rule.get(), firing.id(), firing.entityName() == null ? firing.entityId() : firing.entityName(),
                        firing.message(), ESCALATED, java.util.Set.of(Channel.EMAIL));
                sent++;
            }
        }
        return sent;
    }

    static Map<String, AlertConditions.Series> series(List<DailyFact> rows) {
        Map<String, AlertConditions.Series> series = new LinkedHashMap<>();
        for (DailyFact f : rows) {
            AlertConditions.Series s = series.computeIfAbsent(f.entityId(), id -> new AlertConditions.Series(
                    f.advertiserId(), id, f.entityName(), f.currency(), new LinkedHashMap<>()));
            s.byDay().put(f.date(), f);
        }
        return series;
    }

    static double fractionOfDay(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        long seconds = Duration.between(local.toLocalDate().atStartOfDay(zone), local).toSeconds();
        return Math.min(1.0, Math.max(0.0, seconds / 86_400.0));
    }

}
