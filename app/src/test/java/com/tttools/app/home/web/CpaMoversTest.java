package com.tttools.app.home.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.home.web.HomeView.Mover;
import com.tttools.app.reporting.ReportResult;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The home's CPA movers: the campaigns whose cost per conversion changed most relative to the week before, so that
 * campaigns in different currencies compare; a campaign without a CPA in either week is not one; rising is bad.
 */
class CpaMoversTest {

    @Test
    void theLargestRelativeChangesComeFirstAcrossCurrenciesAndRisingIsBad() {
        List<ReportResult.Row> rows = List.of(
                row("1", "Small move", "USD", "10.00", "11.00"),        // +10 %
                row("2", "Yen doubling", "JPY", "1500", "3000"),        // +100 %, large only in relative terms
                row("3", "Halved", "USD", "40.00", "20.00"),             // −50 %
                row("4", "No conversions before", "USD", null, "12.00"),
                row("5", "Unchanged", "EUR", "8.00", "8.00"));

        List<Mover> movers = HomeAssembler.cpaMovers(rows, "/workspaces/w");

        assertThat(movers).extracting(Mover::name).containsExactly("Yen doubling", "Halved", "Small move");
        assertThat(movers.get(0).change()).isEqualTo("+100.0%");
        assertThat(movers.get(0).trend()).isEqualTo("bad");
        assertThat(movers.get(0).cpaBefore()).isEqualTo("¥1,500");
        assertThat(movers.get(0).cpaNow()).isEqualTo("¥3,000");
        assertThat(movers.get(1).change()).isEqualTo("−50.0%");
        assertThat(movers.get(1).trend()).isEqualTo("good");
        assertThat(movers.get(1).url()).isEqualTo("/workspaces/w/inventory/campaigns/inv-3");
    }

    @Test
    void atMostFiveAreShown() {
        List<ReportResult.Row> rows = new java.util.ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            rows.add(row(String.valueOf(i), "Campaign " + i, "USD", "10", String.valueOf(10 + i)));
        }

        assertThat(HomeAssembler.cpaMovers(rows, "/workspaces/w")).extracting(Mover::name)
                .containsExactly("Campaign 8", "Campaign 7", "Campaign 6", "Campaign 5", "Campaign 4");
    }

    private static ReportResult.Row row(String id, String name, String currency, String cpaBefore, String cpaNow) {
        Map<String, Object> now = new HashMap<>(Map.of("spend", new BigDecimal("100")));
        now.put("costPerConversion", cpaNow == null ? null : new BigDecimal(cpaNow));
        Map<String, Object> before = new HashMap<>(Map.of("spend", new BigDecimal("90")));
        before.put("costPerConversion", cpaBefore == null ? null : new BigDecimal(cpaBefore));
        return new ReportResult.Row(null, new ReportResult.Entity("7" + id, "inv-" + id, name, null, null, null),
                "adv", currency, now, before);
    }
}
