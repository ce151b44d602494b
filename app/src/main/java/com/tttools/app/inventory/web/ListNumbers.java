package com.tttools.app.inventory.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Numbers on the inventory lists in the viewer's locale ({@code ${@listNumbers.money(amount, 'USD', #locale)}}):
 * thousands separators, the currency's symbol and its own decimals (JPY none, USD two), "—" where there is no
 * value (a ratio without a base).
 */
@Component("listNumbers")
public class ListNumbers {

    public String money(BigDecimal amount, String currency, Locale locale) {
        if (amount == null) {
            return "—";
        }
        Locale at = locale == null ? Locale.US : locale;
        try {
            Currency unit = Currency.getInstance(currency);
            NumberFormat format = NumberFormat.getCurrencyInstance(at);
            format.setCurrency(unit);
            int digits = Math.max(unit.getDefaultFractionDigits(), 0);
            format.setMinimumFractionDigits(digits);
            format.setMaximumFractionDigits(digits);
            return format.format(amount);
        } catch (IllegalArgumentException | NullPointerException e) {
            return decimal(amount, 2, at) + (currency == null ? "" : " " + currency);
        }
    }

    public String count(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale == null ? Locale.US : locale).format(value);
    }

    public String percent(BigDecimal value, Locale locale) {
        return value == null ? "—" : decimal(value, 2, locale == null ? Locale.US : locale) + "%";
    }

    private static String decimal(BigDecimal value, int digits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }
}
