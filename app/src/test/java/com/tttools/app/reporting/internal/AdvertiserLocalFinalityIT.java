package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.reporting.Finality;
import com.tttools.app.reporting.FinalityDay;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A day is provisional while inside the restatement window counted from the advertiser's own today: at 12:00 UTC on
 * 29 November it is already 30 November in Kiritimati (UTC+14) and still 29 November in Los Angeles, so with a 7-day
 * window 22 November is settled for the first and provisional for the second (by UTC it would be provisional for both).
 */
class AdvertiserLocalFinalityIT extends IntegrationTest {

    static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    static final LocalDate DAY = LocalDate.parse("2026-11-22");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    com.tttools.app.reporting.rates.ExchangeRateStore rates;

    @Test
    void finalityIsCountedFromEachAdvertisersOwnToday() {
        WorkspaceId workspace = WorkspaceId.random();
        advertiser(workspace, "7000000000000000101", "Pacific/Kiritimati");
        advertiser(workspace, "7000000000000000102", "America/Los_Angeles");
        ReportService service = new ReportService(jdbc, dataSource, new ReportingProperties(90, 7, 30, false, java.time.Duration.ofHours(24)),
                Clock.fixed(NOW, ZoneOffset.UTC), rates);

        Map<String, Finality> status = service.finality(workspace, DAY, DAY, List.of(), 10).stream()
                .collect(Collectors.toMap(FinalityDay::advertiserId, FinalityDay::status));

        assertThat(status).containsEntry("7000000000000000101", Finality.SETTLED)
                .containsEntry("7000000000000000102", Finality.PROVISIONAL);
    }

    private void advertiser(WorkspaceId workspace, String id, String timezone) {
        jdbc.sql("""
                        INSERT INTO report_advertisers (workspace_id, advertiser_id, name, currency, timezone, updated_at)
                        VALUES (:ws, :id, 'Advertiser', 'USD', :tz, :now)""")
                .param("ws", workspace.value()).param("id", id).param("tz", timezone).param("now", Timestamp.from(NOW))
                .update();
        jdbc.sql("""
                        INSERT INTO report_finality (workspace_id, advertiser_id, stat_date, first_pulled_at, last_pulled_at,
                                                     pull_count, last_rows_changed, last_spend_delta, last_conversions_delta)
                        VALUES (:ws, :id, :day, :now, :now, 1, 4, 0, 0)""")
                .param("ws", workspace.value()).param("id", id).param("day", Date.valueOf(DAY))
                .param("now", Timestamp.from(NOW)).update();
    }
}
