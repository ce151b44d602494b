package com.tttools.app.inventory.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;

/** The periods the inventory lists show delivery for; "today" is partial (the day is not over) and says so. */
public enum DeliveryPeriod {
    TODAY("today", "Today (partial, so far)", 0, 0),
    YESTERDAY("yesterday", "Yesterday", 1, 1),
    LAST_7_DAYS("last7", "Last 7 days", 7, 1),
    LAST_14_DAYS("last14", "Last 14 days", 14, 1),
    LAST_30_DAYS("last30", "Last 30 days", 30, 1);

    static final DeliveryPeriod DEFAULT = LAST_7_DAYS;

    private final String key;
    private final String label;
    private final int daysBack;
    private final int endBack;

    DeliveryPeriod(String key, String label, int daysBack, int endBack) {
        this.key = key;
        this.label = label;
        this.daysBack = daysBack;
        this.endBack = endBack;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public boolean partial() {
        return this == TODAY;
    }

    /** First day, inclusive, with {@code today} the workspace's date. */
    LocalDate from(LocalDate today) {
        return today.minusDays(Math.max(daysBack, endBack));
    }

    LocalDate to(LocalDate today) {
        return today.minusDays(endBack);
    }

    static Optional<DeliveryPeriod> of(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
