package com.tttools.simulator;

import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import com.tttools.simulator.data.Dataset;

import tools.jackson.databind.JsonNode;

/** The large world is big enough (its generation time is printed; the 10 s start-up budget is a benchmark matter). */
class LargeScaleTest {

    @Test
    void largeScaleHasTheAdvertisedSize() {
        long started = System.nanoTime();
        Dataset large = new Dataset(42, Scale.LARGE, LocalDate.of(2026, 3, 18));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(large.advertisers()).isGreaterThanOrEqualTo(200);
        assertThat(large.ads()).isGreaterThanOrEqualTo(500_000);
        assertThat(large.advCampStart[1] - large.advCampStart[0]).isEqualTo(2500);
        // Generation time is reported, not asserted: a wall-time bound would pass or fail with the machine's speed
        // (SimulatorBenchmark measures it).
        System.out.printf("Large world generated in %.1f s%n", seconds);
    }

    @Test
    void largeScaleServesTwoYearsOfDailyDataOnDemand() {
        TestSim sim = TestSim.start(SimulatorSettings.defaults().withScale(Scale.LARGE).withNow(TestSim.NOW));
        String token = sim.authorizeAll();
        String adv = sim.advertiser(0);
        JsonNode campaigns = sim.get("/campaign/get/", token, params("advertiser_id", adv, "page_size", "1000")).get("data");
        assertThat(campaigns.get("list").size()).isEqualTo(1000);
        assertThat(campaigns.get("page_info").get("total_page").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode old = sim.get("/report/integrated/get/", token, params("advertiser_id", adv, "report_type", "BASIC", "data_level", "AUCTION_ADVERTISER",
                "dimensions", "[\"advertiser_id\",\"stat_time_day\"]", "start_date", "2024-04-01", "end_date", "2024-04-30")).get("data");
        assertThat(old.get("page_info").get("total_number").asInt()).isEqualTo(30);
    }
}
