package com.tttools.app.bulk;

import java.util.List;

/**
 * A weekly run: on these days ({@code MONDAY} ... {@code SUNDAY}) at {@code time} ({@code HH:mm}) in
 * {@code timezone} (IANA; null: the first target advertiser's timezone).
 */
public record WeeklySchedule(List<String> days, String time, String timezone) {
}
