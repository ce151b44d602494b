package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Partition bounds as the catalogue prints them, and the names the SQL is built from. */
class FactPartitionsTest {

    @Test
    void boundsAreReadFromTheCatalogueText() {
        assertThat(FactPartitions.parse("report_daily_facts_y2026m12", "FOR VALUES FROM ('2026-12-01') TO ('2027-01-01')"))
                .contains(new FactPartitions.Partition("report_daily_facts_y2026m12", LocalDate.of(2026, 12, 1),
                        LocalDate.of(2027, 1, 1)));
        FactPartitions.Partition legacy = FactPartitions.parse("report_daily_facts_legacy",
                "FOR VALUES FROM (MINVALUE) TO ('2027-01-01')").orElseThrow();
        assertThat(legacy.from()).isNull();
        assertThat(legacy.covers(LocalDate.of(1970, 1, 1))).isTrue();
        assertThat(legacy.covers(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(legacy.overlaps(LocalDate.of(2026, 12, 1), LocalDate.of(2027, 1, 1))).isTrue();
        assertThat(legacy.overlaps(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 2, 1))).isFalse();
        assertThat(FactPartitions.parse("report_daily_facts_default", "DEFAULT")).isEqualTo(Optional.empty());
    }

    @Test
    void onlyFactPartitionNamesGoIntoSql() {
        assertThat(FactPartitions.monthName(YearMonth.of(2027, 3))).isEqualTo("report_daily_facts_y2027m03");
        assertThat(FactPartitions.checked("report_daily_facts_y2027m03")).isEqualTo("report_daily_facts_y2027m03");
        assertThatThrownBy(() -> FactPartitions.checked("report_daily_facts; DROP TABLE users"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FactPartitions.checked("users")).isInstanceOf(IllegalArgumentException.class);
    }
}
