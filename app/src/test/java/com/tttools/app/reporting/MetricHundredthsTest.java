package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The CSV export's ratios in longs are {@link Metric#value}'s, to the last digit, or say they cannot be. */
class MetricHundredthsTest {

    static final List<Metric> RATIOS = Arrays.stream(Metric.values()).filter(Metric::isRatio).toList();

    @Test
    void hundredthsAreTheValueTimesAHundred() {
        SplittableRandom random = new SplittableRandom(18);
        int inLongs = 0;
        int none = 0;
        for (int i = 0; i < 200_000; i++) {
            int scale = random.nextInt(4) == 0 ? random.nextInt(0, 12) : 6;
            long spend = switch (random.nextInt(5)) {
                case 0 -> 0;
                case 1 -> random.nextLong(-1_000_000_000L, 1_000_000_000L);
                case 2 -> random.nextLong(0, 5_000) * 10_000 + 5_000; // on a half cent at scale 6
                case 3 -> random.nextLong(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2);
                default -> random.nextLong(0, 100_000_000_000L);
            };
            long[] counts = new long[Metric.COUNTS.size()];
            for (int c = 0; c < counts.length; c++) {
                counts[c] = switch (random.nextInt(6)) {
                    case 0 -> 0;
                    case 1 -> random.nextLong(1, 10);
                    case 2 -> random.nextLong(Long.MAX_VALUE / 1_000);
                    case 3 -> 8 * random.nextLong(1, 1000); // quotients on halves
                    default -> random.nextLong(1, 10_000_000);
                };
            }
            Long reach = switch (random.nextInt(3)) {
                case 0 -> null;
                case 1 -> 0L;
                default -> random.nextLong(1, 1_000_000);
            };
            Metric.Bases bases = new Metric.Bases(BigDecimal.valueOf(spend, scale), counts, reach);
            for (Metric metric : RATIOS) {
                long hundredths = metric.hundredths(spend, scale, counts, reach);
                Object value = metric.value(bases);
                if (hundredths == Metric.NO_RATIO) {
                    assertThat(value).isNull();
                    none++;
                } else if (hundredths != Metric.NOT_IN_LONGS) {
                    assertThat(value).as("%s of spend %d at scale %d, counts %s, reach %s", metric, spend, scale,
                            Arrays.toString(counts), reach).isEqualTo(BigDecimal.valueOf(hundredths, 2));
                    inLongs++;
                }
            }
        }
        assertThat(inLongs).isGreaterThan(500_000);
        assertThat(none).isGreaterThan(50_000);
    }

    @Test
    void halvesRoundAwayFromZero() {
        long[] counts = new long[Metric.COUNTS.size()];
        counts[Metric.COUNTS.indexOf(Metric.CLICKS)] = 1;
        counts[Metric.COUNTS.indexOf(Metric.IMPRESSIONS)] = 8;
        assertThat(Metric.CPC.hundredths(125, 3, counts, null)).isEqualTo(13);     // 0.125 -> 0.13
        assertThat(Metric.CPC.hundredths(-125, 3, counts, null)).isEqualTo(-13);   // -0.125 -> -0.13
        assertThat(Metric.CPC.hundredths(124_999, 6, counts, null)).isEqualTo(12);
        assertThat(Metric.CTR.hundredths(0, 6, counts, null)).isEqualTo(1250);    // 1 / 8 = 12.50 %
        assertThat(Metric.FREQUENCY.hundredths(0, 6, counts, 0L)).isEqualTo(Metric.NO_RATIO);
        assertThat(Metric.CPM.hundredths(Long.MAX_VALUE, 0, counts, null)).isEqualTo(Metric.NOT_IN_LONGS);
    }
}
