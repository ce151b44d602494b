package com.tttools.app.home.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/** How the home writes numbers, money and times: separators, currency symbols, "3 min ago". */
final class Formats {

    private static final Locale LOCALE = Locale.US;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(LOCALE);

    private Formats() {
    }

    static String money(Object amount, String currency) {
        if (amount == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(LOCALE);
        try {
            Currency unit = Currency.getInstance(currency);
            format.setCurrency(unit);
            format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
            format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            return number(amount, 2) + " " + currency;
        }
        return format.format(decimal(amount));
    }

    static String number(Object value, int decimals) {
        if (value == null) {
            return "—";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(decimal(value));
    }

    static BigDecimal decimal(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }

    /** The change from {@code before} to {@code now} in percent, one decimal; null when there is no base. */
    static BigDecimal change(Object now, Object before) {
        BigDecimal n = decimal(now);
        BigDecimal b = decimal(before);
        if (n == null || b == null || b.signum() == 0) {
            return null;
        }
        return n.subtract(b).multiply(BigDecimal.valueOf(100)).divide(b, 1, RoundingMode.HALF_UP);
    }

    static String percentChange(BigDecimal change) {
        if (change == null) {
            return "new";
        }
        return (change.signum() > 0 ? "+" : change.signum() < 0 ? "−" : "±") + number(change.abs(), 1) + "%";
    }

    /** "just now", "3 min ago", "5 h ago", "2 days ago" (or "in …" for the future). */
    static String relative(Instant at, Instant now) {
        if (at == null) {
            return "never";
        }
        Duration d = Duration.between(at, now);
        boolean future = d.isNegative();
        d = d.abs();
        String amount;
        if (d.toSeconds() < 60) {
            return "just now";
        } else if (d.toMinutes() < 60) {
            amount = d.toMinutes() + " min";
        } else if (d.toHours() < 48) {
            amount = d.toHours() + " h";
        } else {
            amount = d.toDays() + " days";
        }
        return future ? "in " + amount : amount + " ago";
    }

    static String dateTime(Instant at, ZoneId zone) {
        return at == null ? "" : DATE_TIME.format(at.atZone(zone)) + " (" + zone.getId() + ")";
    }
}
