package com.tttools.app.notifications.alerts;

import com.tttools.app.notifications.Channel;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An alert rule as the API and the rules page send it. {@link #toRule} checks every field and reports all problems
 * at once (422 with {@code errors}); nothing is stored unless all are fine.
 */
public record AlertRuleInput(String name, String kind, String level, BigDecimal threshold, Integer windowDays,
        Integer hours, String metric, List<String> advertiserIds, List<String> campaignIds, Integer cooldownMinutes,
        String quietFrom, String quietTo, String quietZone, List<String> recipients, List<String> channels,
        Integer escalateAfterMinutes, Boolean enabled) {

    private static final Pattern TIKTOK_ID = Pattern.compile("[0-9]{1,32}");
    static final int DEFAULT_COOLDOWN_MINUTES = 240;

    AlertRule toRule(UUID id, WorkspaceId workspace, UserId createdBy, Instant createdAt, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            problems.add(new FieldProblem("name", "must be 1 to 100 characters long"));
        }
        AlertKind parsedKind = parse(AlertKind.class, kind);
        if (parsedKind == null) {
            problems.add(new FieldProblem("kind", "must be one of SPEND_TODAY, CPA, CTR, ZERO_DELIVERY, PACING, ANOMALY"));
        }
        ReportLevel parsedLevel = level == null ? ReportLevel.CAMPAIGN : parse(ReportLevel.class, level);
        if (parsedLevel != ReportLevel.ADVERTISER && parsedLevel != ReportLevel.CAMPAIGN) {
            problems.add(new FieldProblem("level", "must be ADVERTISER or CAMPAIGN"));
        } else if (parsedKind != null && parsedKind.campaignOnly() && parsedLevel != ReportLevel.CAMPAIGN) {
            problems.add(new FieldProblem("level", "must be CAMPAIGN for this kind of rule"));
        }
        if (parsedKind != ZERO_DELIVERY_KIND && (threshold == null || threshold.signum() < 0
                || threshold.compareTo(new BigDecimal("1000000000")) > 0)) {
            problems.add(new FieldProblem("threshold", "is required: a number from 0 to 1000000000"));
        }
        if (parsedKind == AlertKind.ANOMALY && threshold != null && threshold.signum() <= 0) {
            problems.add(new FieldProblem("threshold", "is the number of standard deviations and must be above 0"));
        }
        if (parsedKind == AlertKind.CPA && (windowDays == null || windowDays < 1 || windowDays > 30)) {
            problems.add(new FieldProblem("windowDays", "must be 1 to 30 days"));
        }
        if (parsedKind == ZERO_DELIVERY_KIND && (hours == null || hours < 1 || hours > 72)) {
            problems.add(new FieldProblem("hours", "must be 1 to 72 hours"));
        }
        String parsedMetric = parsedKind == AlertKind.ANOMALY ? (metric == null ? "spend" : metric) : null;
        if (parsedMetric != null && !AlertConditions.ANOMALY_METRICS.contains(parsedMetric)) {
            problems.add(new FieldProblem("metric", "must be one of " + String.join(", ", AlertConditions.ANOMALY_METRICS)));
        }
        List<String> advertisers = ids(advertiserIds, "advertiserIds", problems);
        List<String> campaigns = ids(campaignIds, "campaignIds", problems);
        if (!campaigns.isEmpty() && parsedLevel == ReportLevel.ADVERTISER) {
            problems.add(new FieldProblem("campaignIds", "only campaign-level rules can be narrowed to campaigns"));
        }
        int cooldown = cooldownMinutes == null ? DEFAULT_COOLDOWN_MINUTES : cooldownMinutes;
        if (cooldown < 0 || cooldown > 43_200) {
            problems.add(new FieldProblem("cooldownMinutes", "must be 0 to 43200 minutes (30 days)"));
        }
        LocalTime from = time(quietFrom, "quietFrom", problems);
        LocalTime to = time(quietTo, "quietTo", problems);
        if ((from == null) != (to == null)) {
            problems.add(new FieldProblem(from == null ? "quietFrom" : "quietTo", "quiet hours need both a start and an end"));
        }
        ZoneId zone = null;
        if (quietZone != null && !quietZone.isBlank()) {
            try {
                zone = ZoneId.of(quietZone.strip());
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("quietZone", "must be a timezone such as Europe/Berlin"));
            }
        }
        List<UserId> users = new ArrayList<>();
        for (String r : recipients == null ? List.<String>of() : recipients) {
            try {
                users.add(UserId.of(r));
            } catch (RuntimeException e) {
                problems.add(new FieldProblem("recipients", "must be user ids"));
                break;
            }
        }
        if (users.size() > 50) {
            problems.add(new FieldProblem("recipients", "at most 50 recipients"));
        }
        Set<Channel> parsedChannels = EnumSet.noneOf(Channel.class);
        for (String c : channels == null ? List.<String>of() : channels) {
            Channel parsed = parse(Channel.class, c);
            if (parsed == null) {
                problems.add(new FieldProblem("channels", "must be IN_APP, EMAIL or TELEGRAM"));
                break;
            }
            parsedChannels.add(parsed);
        }
        if (escalateAfterMinutes != null && (escalateAfterMinutes < 1 || escalateAfterMinutes > 1440)) {
            problems.add(new FieldProblem("escalateAfterMinutes", "must be 1 to 1440 minutes"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
        if (users.isEmpty()) {
            users.add(createdBy);
        }
        return new AlertRule(id, workspace, cleanName, parsedKind, parsedLevel,
                parsedKind == ZERO_DELIVERY_KIND ? null : threshold, parsedKind == AlertKind.CPA ? windowDays : null,
                parsedKind == ZERO_DELIVERY_KIND ? hours : null, parsedMetric, advertisers, campaigns, cooldown, from, to,
                from == null ? null : (zone == null ? java.time.ZoneOffset.UTC : zone), List.copyOf(users),
                parsedChannels, escalateAfterMinutes, enabled == null || enabled, createdBy, createdAt, now);
    }

    private static final AlertKind ZERO_DELIVERY_KIND = AlertKind.ZERO_DELIVERY;

    private static List<String> ids(List<String> values, String field, List<FieldProblem> problems) {
        List<String> clean = new ArrayList<>();
        for (String v : values == null ? List.<String>of() : values) {
            if (v == null || !TIKTOK_ID.matcher(v.strip()).matches()) {
                problems.add(new FieldProblem(field, "must be TikTok ids (digits)"));
                return List.of();
            }
            if (!clean.contains(v.strip())) {
                clean.add(v.strip());
            }
        }
        if (clean.size() > 200) {
            problems.add(new FieldProblem(field, "at most 200 ids"));
        }
        return List.copyOf(clean);
    }

    private static LocalTime time(String value, String field, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "must be a time such as 22:00"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
