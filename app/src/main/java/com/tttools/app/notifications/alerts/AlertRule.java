package com.tttools.app.notifications.alerts;

import com.tttools.app.notifications.Channel;
import com.tttools.app.reporting.ReportLevel;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One alert rule of a workspace. {@code advertiserIds}/{@code campaignIds} narrow it (empty: all); {@code channels}
 * empty means each recipient's own preferences; quiet hours ({@code quietFrom}–{@code quietTo} in {@code quietZone})
 * hold firings back until they end.
 */
public record AlertRule(UUID id, WorkspaceId workspaceId, String name, AlertKind kind, ReportLevel level,
        BigDecimal threshold, Integer windowDays, Integer hours, String metric, List<String> advertiserIds,
        List<String> campaignIds, int cooldownMinutes, LocalTime quietFrom, LocalTime quietTo, ZoneId quietZone,
        List<UserId> recipients, Set<Channel> channels, Integer escalateAfterMinutes, boolean enabled,
        UserId createdBy, Instant createdAt, Instant updatedAt) {

    /** Whether {@code at} falls in the quiet hours (a window may run over midnight). */
    public boolean quietAt(Instant at) {
        if (quietFrom == null || quietTo == null || quietFrom.equals(quietTo)) {
            return false;
        }
        LocalTime local = at.atZone(quietZone == null ? java.time.ZoneOffset.UTC : quietZone).toLocalTime();
        return quietFrom.isBefore(quietTo)
                ? !local.isBefore(quietFrom) && local.isBefore(quietTo)
                : !local.isBefore(quietFrom) || local.isBefore(quietTo);
    }
}
