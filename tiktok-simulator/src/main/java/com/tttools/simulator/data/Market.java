package com.tttools.simulator.data;

import java.time.ZoneId;
import java.util.List;

/**
 * Where an advertiser sells: country, currency (with its minor-unit digits) and IANA timezone.
 * The list mixes zones behind and ahead of UTC, with and without DST, and zero-decimal currencies.
 * Only whole-hour offsets are used so that local hours map onto UTC hours.
 */
public record Market(String country, String currency, int digits, String timezone, String displayTimezone,
                     String language, int cpmMinorMin, int cpmMinorMax) {

    public static final List<Market> ALL = List.of(
            new Market("US", "USD", 2, "America/Los_Angeles", "America/Los_Angeles", "en", 200, 1000),
            new Market("JP", "JPY", 0, "Asia/Tokyo", "Asia/Tokyo", "ja", 300, 1500),
            new Market("AU", "AUD", 2, "Australia/Sydney", "Australia/Sydney", "en", 300, 1400),
            new Market("KR", "KRW", 0, "Asia/Seoul", "Asia/Seoul", "ko", 3000, 12000),
            new Market("DE", "EUR", 2, "Europe/Berlin", "Europe/Berlin", "de", 180, 900),
            new Market("GB", "GBP", 2, "Europe/London", "Europe/London", "en", 150, 800),
            new Market("US", "USD", 2, "America/New_York", "America/New_York", "en", 200, 1000),
            new Market("BR", "BRL", 2, "America/Sao_Paulo", "America/Sao_Paulo", "pt", 500, 2500),
            new Market("VN", "VND", 0, "Asia/Ho_Chi_Minh", "Asia/Ho_Chi_Minh", "vi", 40000, 200000),
            new Market("NZ", "NZD", 2, "Pacific/Auckland", "Pacific/Auckland", "en", 300, 1400),
            new Market("CL", "CLP", 0, "America/Santiago", "America/Santiago", "es", 1500, 8000),
            new Market("US", "USD", 2, "Etc/GMT+8", "America/Los_Angeles", "en", 200, 1000),
            new Market("FR", "EUR", 2, "Europe/Paris", "Europe/Paris", "fr", 180, 900));

    /**
     * One budget "dollar" in this currency: 1 for currencies with cents, 100 for JPY, KRW and CLP, 20,000 for VND.
     * Generated budgets are multiples of it, and the write minimums (50 for campaigns, 20 for ad groups, TikTok's
     * published USD figures) are scaled by it.
     */
    public double budgetUnit() {
        return digits == 0 ? (cpmMinorMin > 10_000 ? 20_000 : 100) : 1;
    }

    /** The smallest daily or total budget a write may set on a campaign (50 units) or an ad group (20 units). */
    public double minimumBudget(Level level) {
        return budgetUnit() * (level == Level.CAMPAIGN ? 50 : 20);
    }

    public ZoneId zone() {
        return ZoneId.of(timezone);
    }
}
