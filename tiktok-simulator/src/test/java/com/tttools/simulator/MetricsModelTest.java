package com.tttools.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.tttools.simulator.data.Dataset;
import com.tttools.simulator.data.Level;
import com.tttools.simulator.data.Market;
import com.tttools.simulator.report.MetricsModel;

/** The per-ad-day facts: weekly seasonality, plausible ratios, exact hourly split. */
class MetricsModelTest {

    private final Dataset data = new Dataset(42, Scale.MEDIUM, LocalDate.of(2026, 3, 18));
    private final MetricsModel model = new MetricsModel(data);

    @Test
    void weekendsAreBusierThanMidweek() {
        long[] byDow = new long[7];
        for (int ad = 0; ad < 300; ad++) {
            MetricsModel.AdProfile p = model.profile(ad);
            for (long day = LocalDate.of(2025, 3, 3).toEpochDay(); day < LocalDate.of(2026, 3, 2).toEpochDay(); day++) {
                long[] out = new long[MetricsModel.N];
                model.addDay(p, day, (1 << 24) - 1, 1.0, 1.0, "CONVERSIONS", -1, out);
                byDow[LocalDate.ofEpochDay(day).getDayOfWeek().getValue() - 1] += out[MetricsModel.IMP];
            }
        }
        assertThat(byDow[DayOfWeek.SATURDAY.getValue() - 1]).isGreaterThan(byDow[DayOfWeek.TUESDAY.getValue() - 1] * 12 / 10);
        assertThat(byDow[DayOfWeek.SUNDAY.getValue() - 1]).isGreaterThan(byDow[DayOfWeek.WEDNESDAY.getValue() - 1]);
    }

    @Test
    void ratiosArePlausibleAndHoursSplitTheDayExactly() {
        long imp = 0;
        long clk = 0;
        long spend = 0;
        long conv = 0;
        for (int ad = 0; ad < 200; ad++) {
            long[] day = new long[MetricsModel.N];
            model.addDay(model.profile(ad), LocalDate.of(2026, 3, 10).toEpochDay(), (1 << 24) - 1, 1.0, 1.0, "CONVERSIONS", -1, day);
            long[] hours = new long[MetricsModel.N];
            for (int h = 0; h < 24; h++) {
                model.addDay(model.profile(ad), LocalDate.of(2026, 3, 10).toEpochDay(), (1 << 24) - 1, 1.0, 1.0, "CONVERSIONS", h, hours);
            }
            assertThat(hours[MetricsModel.IMP]).isEqualTo(day[MetricsModel.IMP]);
            assertThat(hours[MetricsModel.SPEND]).isEqualTo(day[MetricsModel.SPEND]);
            assertThat(hours[MetricsModel.CONV]).isEqualTo(day[MetricsModel.CONV]);
            assertThat(day[MetricsModel.CLK]).isLessThanOrEqualTo(day[MetricsModel.IMP]);
            assertThat(day[MetricsModel.CONV]).isLessThanOrEqualTo(day[MetricsModel.CLK] + 1);
            if (data.market(data.advertiserOf(Level.AD, ad)).equals(Market.ALL.get(0))) {
                imp += day[MetricsModel.IMP];
                clk += day[MetricsModel.CLK];
                spend += day[MetricsModel.SPEND];
                conv += day[MetricsModel.CONV];
            }
        }
        assertThat(imp).isPositive();
        double ctr = 100.0 * clk / imp;
        double cpmDollars = spend / 100.0 * 1000 / imp;
        assertThat(ctr).isBetween(0.3, 3.0);
        assertThat(cpmDollars).isBetween(1.5, 11.0);
        assertThat(conv).isPositive().isLessThan(clk);
    }
}
