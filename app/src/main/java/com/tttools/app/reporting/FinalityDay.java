package com.tttools.app.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The finality ledger of one advertiser and day: when it was first and last pulled from TikTok, how often, whether
 * TikTok may still revise it ({@code PROVISIONAL}) or not ({@code SETTLED}), and what the last re-pull changed
 * (fact rows, and spend and conversions at advertiser level).
 */
public record FinalityDay(String advertiserId, LocalDate date, Finality status, Instant firstPulledAt,
        Instant lastPulledAt, int pullCount, int lastRowsChanged, BigDecimal lastSpendDelta, long lastConversionsDelta) {
}
