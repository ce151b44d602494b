package com.tttools.app.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.reporting.ReportSync;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

class JobPayloadsTest {

    /** Configured as Spring Boot configures the application's mapper. */
    final JobPayloads payloads = new JobPayloads(JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());
    final UUID connection = UUID.fromString("6f1c0a52-1d1e-4c7e-9a51-0c3d3f9a7b10");

    @Test
    void aPayloadRoundTripsThroughItsJson() {
        ReportSync.Payload payload = new ReportSync.Payload(connection, LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30));

        String json = payloads.write(payload);

        assertThat(json).isEqualTo("{\"connectionId\":\"" + connection
                + "\",\"from\":\"2026-11-01\",\"to\":\"2026-11-30\"}");
        assertThat(payloads.read(ReportSync.JOB, json)).isEqualTo(payload);
        assertThat(payloads.read(ReportSync.JOB, payloads.write(ReportSync.Payload.defaultRange(connection))))
                .isEqualTo(ReportSync.Payload.defaultRange(connection));
    }

    @Test
    void payloadsOfJobsQueuedBeforeTypedJobsStillRead() {
        // as the tiktok module wrote manual syncs (every kind with the same fields) and as jsonb returns them
        assertThat(payloads.read(AssetSync.JOB, "{\"connectionId\": \"" + connection + "\"}"))
                .isEqualTo(new AssetSync.Payload(connection));
        assertThat(payloads.read(ReportSync.JOB, "{\"connectionId\": \"" + connection + "\", \"to\": \"2026-11-30\"}"))
                .isEqualTo(new ReportSync.Payload(connection, null, LocalDate.of(2026, 11, 30)));
    }

    @Test
    void aPayloadThatDoesNotBindFailsTheJobPermanently() {
        assertThatThrownBy(() -> payloads.read(ReportSync.JOB, "{\"connectionId\": \"" + connection
                + "\", \"from\": \"yesterday\"}"))
                .isInstanceOf(JobFailedPermanently.class).hasMessageStartingWith("The payload is not a tiktok.report-sync payload");
        assertThatThrownBy(() -> payloads.read(AssetSync.JOB, "not json"))
                .isInstanceOf(JobFailedPermanently.class);
    }
}
