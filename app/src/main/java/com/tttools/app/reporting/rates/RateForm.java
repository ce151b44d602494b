package com.tttools.app.reporting.rates;

import com.tttools.app.shared.validation.CurrencyCode;
import com.tttools.app.shared.validation.IsoDate;
import jakarta.validation.constraints.NotBlank;
import java.util.Locale;

/**
 * The enter-a-rate form, bound with {@code @ModelAttribute}: the shape of each field by the shared constraints; the
 * rules that need the workspace's day or the number itself are {@link WorkspaceRates#validate}'s. Values are kept as
 * typed (trimmed, the code upper-cased) so the page can show them again next to their problems.
 */
public record RateForm(
        @NotBlank(message = CURRENCY) @CurrencyCode(message = CURRENCY) String currency,
        @NotBlank(message = "must be a date such as 2026-12-01") @IsoDate String date,
        @NotBlank(message = NUMBER) String perEur) {

    static final String CURRENCY = "must be an ISO 4217 currency code such as USD";
    static final String NUMBER = "must be a number such as 1.0823";

    public RateForm {
        currency = currency == null ? null : currency.strip().toUpperCase(Locale.ROOT);
        date = date == null ? null : date.strip();
        perEur = perEur == null ? null : perEur.strip();
    }

    public static RateForm empty() {
        return new RateForm(null, null, null);
    }
}
