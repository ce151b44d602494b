package com.tttools.app.tenancy.web;

import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.stream.Stream;

/** Option lists for the forms. */
final class Choices {

    /** IANA region zones (no legacy aliases), sorted, for the reporting timezone select. */
    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/"))
            .sorted().toList();

    /** Currencies advertisers use most, offered first. */
    static final List<String> COMMON_CURRENCIES = List.of("USD", "EUR", "GBP", "JPY", "CAD", "AUD", "BRL", "MXN",
            "INR", "IDR", "KRW", "SGD", "THB", "TRY", "PLN", "SEK", "CHF");

    /**
     * ISO 4217 codes for the currency select: the common ones, then every other currency the JDK knows that is
     * real money (funds, metals and test codes have no minor unit and are left out), by code.
     */
    static final List<String> CURRENCIES = Stream.concat(COMMON_CURRENCIES.stream(),
                    Currency.getAvailableCurrencies().stream()
                            .filter(currency -> currency.getDefaultFractionDigits() >= 0)
                            .map(Currency::getCurrencyCode)
                            .filter(code -> !COMMON_CURRENCIES.contains(code))
                            .sorted())
            .toList();

    static final List<String> ORGANIZATION_ROLES = List.of("MEMBER", "ADMIN", "OWNER");
    static final List<String> WORKSPACE_ROLES = List.of("ANALYST", "OPERATOR", "ADMIN");

    private Choices() {
    }
}
