package com.tttools.app.notifications.alerts;

/** What a rule watches. Thresholds are in the advertiser's currency, percent, or sigmas, as each kind says. */
public enum AlertKind {
    /** Spend today above {@code threshold}. */
    SPEND_TODAY("Spend today above"),
    /** Cost per conversion over the last {@code windowDays} days above {@code threshold}. */
    CPA("Cost per conversion above"),
    /** CTR today (percent) below {@code threshold}, once there are enough impressions to tell. */
    CTR("CTR below"),
    /** An enabled campaign delivered no impressions for {@code hours} hours. */
    ZERO_DELIVERY("No delivery"),
    /** Spend today, projected to the end of the day, above {@code threshold} percent of the daily budget. */
    PACING("Spend pacing above budget"),
    /** Today's {@code metric} more than {@code threshold} standard deviations from the same weekday's trailing mean. */
    ANOMALY("Anomaly");

    private final String label;

    AlertKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Kinds about campaigns only (budgets and delivery status belong to campaigns). */
    public boolean campaignOnly() {
        return this == ZERO_DELIVERY || this == PACING;
    }
}
