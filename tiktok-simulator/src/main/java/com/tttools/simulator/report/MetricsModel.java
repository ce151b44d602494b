package com.tttools.simulator.report;

import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Hash;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.Market;

/**
 * Additive facts of one ad on one local day, computed from the seed (never stored). Every higher level
 * is a sum of these integers, so totals agree exactly from ad to advertiser. Money is in minor units.
 * Hours are a fixed split of the day, so hourly rows of a day sum to its daily row (conversions aside,
 * which are restated per day).
 */
public final class MetricsModel {

    public static final int IMP = 0;
    public static final int CLK = 1;
    public static final int SPEND = 2;
    public static final int CONV = 3;
    public static final int RT_CONV = 4;
    public static final int RESULT = 5;
    public static final int RT_RESULT = 6;
    public static final int VPLAY = 7;
    public static final int V2S = 8;
    public static final int V6S = 9;
    public static final int P25 = 10;
    public static final int P50 = 11;
    public static final int P75 = 12;
    public static final int P100 = 13;
    public static final int LIKES = 14;
    public static final int COMMENTS = 15;
    public static final int SHARES = 16;
    public static final int FOLLOWS = 17;
    public static final int PVISITS = 18;
    public static final int GROSS = 19;
    public static final int PLAYSEC = 20;
    public static final int PURCHASE = 21;
    public static final int REGISTRATION = 22;
    public static final int INSTALL = 23;
    public static final int LEAD = 24;
    public static final int VALUE = 25;
    public static final int PAGEVIEW = 26;
    public static final int CART = 27;
    public static final int ENGAGED = 28;
    public static final int ENGAGED15 = 29;
    public static final int MUSIC = 30;
    public static final int VTA = 31;
    public static final int N = 32;

    /** Weekly seasonality, Monday first: weekends are busier. */
    private static final double[] DOW = {0.92, 0.90, 0.94, 0.98, 1.05, 1.18, 1.13};
    /** Relative traffic per local hour (nights are quiet, evenings peak). */
    private static final int[] HOUR_WEIGHT = {22, 14, 9, 7, 6, 8, 14, 24, 34, 40, 44, 46, 48, 47, 46, 46, 48, 52, 60, 68, 72, 70, 56, 36};
    static final long[] HOUR_CUM = new long[25];

    static {
        long total = 0;
        for (int w : HOUR_WEIGHT) {
            total += w;
        }
        long run = 0;
        for (int h = 0; h < 24; h++) {
            run += HOUR_WEIGHT[h];
            HOUR_CUM[h + 1] = run * 1_000_000 / total;
        }
        HOUR_CUM[24] = 1_000_000;
    }

    /** Two work arrays per thread: addDay runs ~100,000 times per large report, so it should not allocate. */
    private static final ThreadLocal<long[][]> SCRATCH = ThreadLocal.withInitial(() -> new long[2][N]);

    private final Dataset data;

    public MetricsModel(Dataset data) {
        this.data = data;
    }

    /** Part of a day value falling into local hour h; the 24 parts sum exactly to the value. */
    public static long hourPart(long value, int h) {
        return value * HOUR_CUM[h + 1] / 1_000_000 - value * HOUR_CUM[h] / 1_000_000;
    }

    /**
     * Adds the ad's facts for one local day, restricted to the hours in {@code mask}, into {@code out}.
     *
     * @param epochDay       local day
     * @param mask           delivering and already-reported hours (bit h = local hour h)
     * @param volume         budget-driven volume factor
     * @param settled        share of the day's conversions reported so far (late conversions)
     * @param objective      campaign objective (decides what a "result" is)
     * @param hour           -1 for the whole mask, else only that hour
     */
    /** Per-ad constants (volume weight, CTR, CPM in minor units, CVR, video play rate), computed once per ad and request. */
    public record AdProfile(int ad, double weight, double ctr, double cpm, double cvr, double videoRate) {
    }

    public AdProfile profile(int ad) {
        long seed = data.seed;
        Market market = data.market(data.advertiserOf(Level.AD, ad));
        return new AdProfile(ad, 40 + 4000 * Math.pow(Hash.u(seed, 80, ad, 0), 2.5), 0.004 + 0.02 * Hash.u(seed, 82, ad, 0),
                market.cpmMinorMin() + (market.cpmMinorMax() - market.cpmMinorMin()) * Hash.u(seed, 85, ad, 0),
                0.01 + 0.07 * Hash.u(seed, 87, ad, 0), 0.25 + 0.35 * Hash.u(seed, 90, ad, 0));
    }

    public void addDay(int ad, long epochDay, int mask, double volume, double settled, String objective, int hour, long[] out) {
        addDay(profile(ad), epochDay, mask, volume, settled, objective, hour, out);
    }

    public void addDay(AdProfile p, long epochDay, int mask, double volume, double settled, String objective, int hour, long[] out) {
        long seed = data.seed;
        int ad = p.ad();
        int dow = (int) Math.floorMod(epochDay + 3, 7L);
        double season = 1 + 0.2 * Math.sin(2 * Math.PI * epochDay / 365.25);
        double noise = 0.7 + 0.6 * Hash.u(seed, 81, ad, epochDay);
        long imp = (long) (p.weight() * DOW[dow] * season * noise * volume);
        long clk = (long) (imp * p.ctr() * (0.85 + 0.3 * Hash.u(seed, 83, ad, epochDay)) + Hash.u(seed, 84, ad, epochDay));
        long spend = Math.round(imp * p.cpm() / 1000 * (0.9 + 0.2 * Hash.u(seed, 86, ad, epochDay)));
        long conv = (long) (clk * p.cvr() * (0.6 + 0.8 * Hash.u(seed, 88, ad, epochDay)) + Hash.u(seed, 89, ad, epochDay));
        long vplay = (long) (imp * p.videoRate());
        long[][] scratch = SCRATCH.get();
        long[] day = scratch[0];
        java.util.Arrays.fill(day, 0);
        day[IMP] = imp;
        day[CLK] = clk;
        day[SPEND] = spend;
        day[CONV] = conv;
        day[VPLAY] = vplay;
        day[V2S] = vplay * 62 / 100;
        day[V6S] = vplay * 35 / 100;
        day[P25] = vplay * 42 / 100;
        day[P50] = vplay * 26 / 100;
        day[P75] = vplay * 17 / 100;
        day[P100] = vplay * 11 / 100;
        day[LIKES] = vplay * 18 / 1000;
        day[COMMENTS] = vplay * 2 / 1000;
        day[SHARES] = vplay * 15 / 10_000;
        day[FOLLOWS] = vplay / 1000;
        day[PVISITS] = clk * 15 / 100;
        day[GROSS] = imp + imp * 3 / 100;
        day[PLAYSEC] = vplay * 63 / 10;
        long[] part;
        if (hour >= 0) {
            part = scratch[1];
            for (int m = 0; m < N; m++) {
                part[m] = hourPart(day[m], hour);
            }
        } else if (mask == (1 << 24) - 1) {
            part = day;
        } else {
            part = scratch[1];
            java.util.Arrays.fill(part, 0);
            for (int h = 0; h < 24; h++) {
                if ((mask & (1 << h)) != 0) {
                    for (int m = 0; m < N; m++) {
                        part[m] += hourPart(day[m], h);
                    }
                }
            }
        }
        long finalConv = part[CONV];
        long reported = (long) Math.floor(finalConv * settled);
        long realTime = finalConv / 2;
        part[CONV] = reported;
        part[RT_CONV] = realTime;
        switch (objective) {
            case "TRAFFIC" -> {
                part[RESULT] = part[CLK];
                part[RT_RESULT] = part[CLK];
            }
            case "REACH" -> {
                part[RESULT] = part[IMP];
                part[RT_RESULT] = part[IMP];
            }
            case "VIDEO_VIEWS" -> {
                part[RESULT] = part[V6S];
                part[RT_RESULT] = part[V6S];
            }
            case "ENGAGEMENT" -> {
                part[RESULT] = part[FOLLOWS];
                part[RT_RESULT] = part[FOLLOWS];
            }
            default -> {
                part[RESULT] = reported;
                part[RT_RESULT] = realTime;
            }
        }
        // event metrics hang off the reported conversions of this ad-day, so they restate with them and stay additive
        part[PURCHASE] = reported * 45 / 100;
        part[REGISTRATION] = reported * 20 / 100;
        part[INSTALL] = reported * 25 / 100;
        part[LEAD] = reported * 10 / 100;
        part[VALUE] = Math.round(part[PURCHASE] * p.cpm() * 8);
        part[PAGEVIEW] = part[CLK] * 80 / 100;
        part[CART] = reported * 150 / 100;
        part[ENGAGED] = part[V6S] * 60 / 100;
        part[ENGAGED15] = part[P50] * 50 / 100;
        part[MUSIC] = part[LIKES] / 20;
        part[VTA] = reported * 30 / 100;
        for (int m = 0; m < N; m++) {
            out[m] += part[m];
        }
    }

    /** Share of a day's final conversions already reported: half at once, the rest over restatementDays. */
    public static double settled(long dayEndEpoch, long now, int restatementDays) {
        if (restatementDays <= 0) {
            return 1.0;
        }
        double age = Math.max(0, (now - dayEndEpoch) / 86_400.0);
        return age >= restatementDays ? 1.0 : 0.5 + 0.5 * age / restatementDays;
    }
}
