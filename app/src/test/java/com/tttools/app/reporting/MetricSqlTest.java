package com.tttools.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.IntegrationTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Each metric's SQL (what reports sort by) computes what its Java formula computes, ratios included. */
class MetricSqlTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyMetricsSqlAgreesWithItsValueIncludingZeroDenominators() {
        Random random = new Random(16);
        List<Metric.Bases> cases = new ArrayList<>();
        cases.add(new Metric.Bases(BigDecimal.ZERO, new long[Metric.COUNTS.size()], null));
        cases.add(new Metric.Bases(new BigDecimal("12.34"), new long[Metric.COUNTS.size()], 0L));
        for (int i = 0; i < 20; i++) {
            long[] counts = new long[Metric.COUNTS.size()];
            Arrays.setAll(counts, c -> random.nextInt(4) == 0 ? 0 : random.nextInt(1_000_000));
            cases.add(new Metric.Bases(BigDecimal.valueOf(random.nextInt(10_000_000), 2), counts,
                    random.nextBoolean() ? null : (long) random.nextInt(50_000)));
        }
        StringBuilder columns = new StringBuilder("CAST(:spend AS numeric) AS spend, CAST(:reach AS bigint) AS reach");
        Metric.COUNTS.forEach(m -> columns.append(", CAST(:").append(m.column()).append(" AS bigint) AS ")
                .append(m.column()));

        for (Metric.Bases bases : cases) {
            for (Metric metric : Metric.values()) {
                var statement = jdbc.sql("SELECT " + metric.sqlExpression() + " FROM (SELECT " + columns + ") AS t")
                        .param("spend", bases.spend()).param("reach", bases.reach());
                for (Metric count : Metric.COUNTS) {
                    statement = statement.param(count.column(), bases.count(count));
                }
                BigDecimal sql = statement.query(BigDecimal.class).list().get(0);
                Object java = metric.value(bases);
                if (java == null) {
                    assertThat(sql).as(metric + " of " + Arrays.toString(bases.counts())).isNull();
                } else {
                    BigDecimal expected = new BigDecimal(java.toString());
                    assertThat(sql).as(metric + " of " + Arrays.toString(bases.counts())).isNotNull();
                    assertThat(sql.setScale(expected.scale(), RoundingMode.HALF_UP))
                            .as(metric + " of " + Arrays.toString(bases.counts())).isEqualByComparingTo(expected);
                }
            }
        }
    }
}
