package com.tttools.app.reporting;

import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stored daily facts, entity by entity, for work that watches them (alert rules and their backtest) rather than
 * showing a report. Empty scope collections mean "every advertiser" / "every campaign" of the workspace.
 */
public interface DailyFacts {

    /** One entity's base metrics on one advertiser-local day. */
    record DailyFact(String advertiserId, String entityId, String entityName, LocalDate date, String currency,
            BigDecimal spend, long impressions, long clicks, long conversions) {
    }

    /** Facts of one level ({@code ADVERTISER} or {@code CAMPAIGN}) from {@code from} to {@code to}, oldest first. */
    List<DailyFact> daily(WorkspaceId workspaceId, ReportLevel level, LocalDate from, LocalDate to,
            Collection<String> advertiserIds, Collection<String> campaignIds);

    /** The timezone of each advertiser the workspace holds facts of (facts' days are local to it). */
    Map<String, ZoneId> advertiserZones(WorkspaceId workspaceId);
}
