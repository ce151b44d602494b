package com.tttools.app.bulk.web;

import com.tttools.app.bulk.BulkAction;
import com.tttools.app.bulk.BulkLevel;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.LineStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Words and badges for the change-set pages ({@code ${@bulkWords.status(cs.status())}} in templates). */
@Component("bulkWords")
public class BulkWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm");

    public String status(ChangeSetStatus status) {
        return switch (status) {
            case AWAITING_APPROVAL -> "Awaiting approval";
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case EXPIRED -> "Expired";
            case SCHEDULED -> "Scheduled";
            case APPLYING -> "Applying";
            case SUCCEEDED -> "Succeeded";
            case PARTIALLY_SUCCEEDED -> "Partly succeeded";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }

    public String badge(ChangeSetStatus status) {
        return switch (status) {
            case SUCCEEDED, APPROVED -> "badge-ok";
            case FAILED, REJECTED, EXPIRED, PARTIALLY_SUCCEEDED -> "badge-warn";
            default -> "";
        };
    }

    public String line(LineStatus status) {
        return switch (status) {
            case PENDING, SENDING -> "Pending";
            case APPLIED -> "Applied";
            case SKIPPED -> "Skipped";
            case FAILED -> "Failed";
            case VERIFIED -> "Verified";
            case DRIFTED -> "Drifted";
        };
    }

    public String lineBadge(LineStatus status) {
        return switch (status) {
            case VERIFIED, APPLIED -> "badge-ok";
            case FAILED, DRIFTED -> "badge-warn";
            default -> "";
        };
    }

    public String action(BulkAction action, BulkLevel level) {
        String what = switch (level) {
            case CAMPAIGN -> "campaigns";
            case ADGROUP -> "ad groups";
            case AD -> "ads";
        };
        return switch (action) {
            case PAUSE -> "Pause " + what;
            case ENABLE -> "Enable " + what;
            case DELETE -> "Delete " + what;
            case SET_BUDGET -> "Set the budget of " + what;
            case CHANGE_BUDGET -> "Change the budget of " + what;
        };
    }

    /** A before/after value in words: "Active", "Paused", "120.00". */
    public String value(Map<String, Object> value) {
        if (value == null) {
            return "";
        }
        if (value.containsKey("budget") && !value.containsKey("secondaryStatus")) {
            return new BigDecimal(value.get("budget").toString()).toPlainString();
        }
        String status = String.valueOf(value.get("status"));
        String word = switch (status) {
            case "ENABLE" -> "Active";
            case "DISABLE" -> "Paused";
            case "DELETE" -> "Deleted";
            default -> status;
        };
        return value.containsKey("budget") ? word + " · " + new BigDecimal(value.get("budget").toString())
                .toPlainString() : word;
    }

    /** "every Friday and Saturday at 23:00 (Europe/Berlin)". */
    public String schedule(com.tttools.app.bulk.WeeklySchedule schedule) {
        java.util.List<String> days = schedule.days().stream().map(d -> {
            try {
                return java.time.DayOfWeek.valueOf(d).getDisplayName(java.time.format.TextStyle.FULL,
                        java.util.Locale.ENGLISH);
            } catch (IllegalArgumentException e) {
                return d;
            }
        }).toList();
        String list = days.size() <= 1 ? String.join("", days)
                : String.join(", ", days.subList(0, days.size() - 1)) + " and " + days.get(days.size() - 1);
        return "every " + list + " at " + schedule.time()
                + (schedule.timezone() == null ? "" : " (" + schedule.timezone() + ")");
    }

    /** A time in the viewer's zone (UTC until the workspace timezone reaches the pages). */
    public String time(Instant at, String zone) {
        if (at == null) {
            return "";
        }
        ZoneId id;
        try {
            id = ZoneId.of(zone == null ? "UTC" : zone);
        } catch (RuntimeException e) {
            id = ZoneId.of("UTC");
        }
        return TIME.format(at.atZone(id)) + " " + id.getId();
    }
}
