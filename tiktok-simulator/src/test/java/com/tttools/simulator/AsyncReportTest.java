package com.tttools.simulator;

import static com.tttools.simulator.TestSim.API;
import static com.tttools.simulator.TestSim.params;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import tools.jackson.databind.JsonNode;

/** Reference 6.6: report/task/create, check, download, cancel. */
class AsyncReportTest {

    private final TestSim sim = TestSim.start();
    private final String token = sim.authorizeAll();
    private final String adv = sim.advertiser(0);

    private String create(String format) {
        JsonNode res = sim.post("/report/task/create/", token, TestSim.body("advertiser_id", adv, "service_type", "AUCTION", "report_type", "BASIC",
                "data_level", "AUCTION_AD", "dimensions", List.of("ad_id", "stat_time_day"), "metrics", List.of("spend", "impressions", "clicks"),
                "start_date", "2026-01-01", "end_date", "2026-03-17", "output_format", format, "file_name", "ads_q1_2026",
                "enable_report_title_translation", false));
        assertThat(res.get("code").asInt()).isZero();
        return res.get("data").get("task_id").asString();
    }

    private JsonNode check(String task) {
        return sim.get("/report/task/check/", token, params("advertiser_id", adv, "task_id", task));
    }

    @Test
    void taskRunsThroughItsStatusesAndDownloadsAsAFile() {
        String task = create("CSV_DOWNLOAD");
        assertThat(task).matches("\\d{19}");
        JsonNode first = check(task).get("data");
        assertThat(first.get("status").asString()).isEqualTo("PROCESSING");
        assertThat(first.get("message").asString()).isEmpty();
        JsonNode early = sim.get("/report/task/download/", token, params("advertiser_id", adv, "task_id", task));
        assertThat(early.get("code").asInt()).isEqualTo(40201);
        assertThat(early.get("message").asString()).isEqualTo("Task is not ready.");
        assertThat(check(task).get("data").get("status").asString()).isEqualTo("SUCCESS");

        JsonNode download = sim.get("/report/task/download/", token, params("advertiser_id", adv, "task_id", task)).get("data");
        assertThat(download.get("file_name").asString()).isEqualTo("ads_q1_2026");
        assertThat(download.get("output_format").asString()).isEqualTo("CSV_DOWNLOAD");
        String url = download.get("download_url").asString();
        assertThat(url).startsWith("/_sim/files/" + task + ".csv?x-expires=");
        MockHttpServletResponse file = sim.raw(MockMvcRequestBuilders.get(url.substring(0, url.indexOf('?'))));
        assertThat(file.getStatus()).isEqualTo(200);
        String csv = new String(file.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst()).contains("ad_id,stat_time_day,spend,impressions,clicks");
        assertThat(csv.lines().count()).isGreaterThan(30);
        assertThat(sim.post("/report/task/cancel/", token, Map.of("advertiser_id", adv, "task_id", task)).get("code").asInt()).isEqualTo(40002);
    }

    @Test
    void csvStringTasksReturnTheCsvBody() {
        String task = create("CSV_STRING");
        check(task);
        check(task);
        MockHttpServletResponse body = sim.rawGet(API + "/report/task/download/", token, params("advertiser_id", adv, "task_id", task));
        assertThat(body.getContentType()).startsWith("text/csv");
        assertThat(new String(body.getContentAsByteArray(), StandardCharsets.UTF_8)).startsWith("ad_id,stat_time_day,spend");
    }

    @Test
    void oversizedTasksAreRefusedAtCreation() {
        sim.control("POST", "/_sim/behaviour", Map.of("queryTooLargeRows", 100));
        JsonNode res = sim.post("/report/task/create/", token, TestSim.body("advertiser_id", adv, "report_type", "BASIC", "data_level", "AUCTION_AD",
                "dimensions", List.of("ad_id", "stat_time_day"), "start_date", "2026-01-01", "end_date", "2026-03-17"));
        assertThat(res.get("code").asInt()).isEqualTo(40067);
    }

    @Test
    void queuedTasksCanBeCanceled() {
        String task = create("XLSX_DOWNLOAD");
        JsonNode canceled = sim.post("/report/task/cancel/", token, Map.of("advertiser_id", adv, "task_id", task));
        assertThat(canceled.get("data").get("status").asString()).isEqualTo("CANCELED");
        assertThat(check(task).get("data").get("status").asString()).isEqualTo("CANCELED");
        assertThat(sim.get("/report/task/download/", token, params("advertiser_id", adv, "task_id", task)).get("code").asInt()).isEqualTo(40201);
        assertThat(sim.get("/report/task/check/", token, params("advertiser_id", sim.advertiser(1), "task_id", task)).get("code").asInt()).isEqualTo(40002);
    }
}
