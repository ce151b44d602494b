package com.tttools.app.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.web.RequestIdFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** A job takes the request id from the log context where the request-id filter puts it. */
class JobRequestIdTest {

    @AfterEach
    void clear() {
        MDC.remove(RequestIdFilter.MDC_KEY);
    }

    @Test
    void theJobsReadTheKeyTheRequestIdFilterWrites() {
        assertThat(JobExecutor.REQUEST_ID_MDC_KEY).isEqualTo(RequestIdFilter.MDC_KEY);

        MDC.put(RequestIdFilter.MDC_KEY, "req-1234abcd");
        assertThat(JobExecutor.currentRequestId()).isEqualTo("req-1234abcd");
    }

    @Test
    void outsideARequestOrWithAnOverlongIdThereIsNone() {
        assertThat(JobExecutor.currentRequestId()).isNull();

        MDC.put(RequestIdFilter.MDC_KEY, "x".repeat(65));
        assertThat(JobExecutor.currentRequestId()).isNull();
    }
}
