package com.tttools.app.privacy;

/**
 * One data class's retention for an organization.
 *
 * @param dataClass    the class's code, e.g. {@code report_facts}
 * @param label        its name for people
 * @param rule         when its rows go, in words
 * @param days         days kept after the class's reference time (recorded, finished, expired, ...); null when
 *                     the rows go with an event (account deletion, disconnect) instead of after a time
 * @param minDays      the lowest days an organization may choose (equal to {@code days} for a fixed class)
 * @param maxDays      the highest days an organization may choose
 * @param configurable whether the organization may change {@code days}
 */
public record RetentionSetting(String dataClass, String label, String rule, Integer days, Integer minDays,
        Integer maxDays, boolean configurable) {
}
