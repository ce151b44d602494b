package com.tttools.app.jobs;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job type for tests only (component-scanned from the test classpath into the one shared context):
 * works through {@code units}, failing the first {@code failTimes} attempts, or permanently, or waiting for
 * cancellation (and then failing, with {@code failWhenCancelled}); it resumes from its checkpoint.
 */
@Component
public class TestJobHandler implements JobHandler<TestJobHandler.Units> {

    public static final JobType<Units> TYPE = JobType.of("test-units", Units.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** @param units null for one; the other fields null for 0, false or none */
    public record Units(Integer units, Integer failTimes, Boolean permanent, List<String> messages,
            Boolean waitForCancel, Boolean failWhenCancelled) {

        /** The payload written as JSON, e.g. {@code {"units": 4, "failTimes": 1}}. */
        public static Units of(String json) {
            return JSON.readValue(json, Units.class);
        }
    }

    @Override
    public JobType<Units> type() {
        return TYPE;
    }

    @Override
    public void run(JobRun run, Units payload) throws Exception {
        int units = payload.units() == null ? 1 : payload.units();
        int failTimes = payload.failTimes() == null ? 0 : payload.failTimes();
        if (Boolean.TRUE.equals(payload.permanent())) {
            throw new JobFailedPermanently("bad input: permanent failure requested");
        }
        if (payload.messages() != null) {
            payload.messages().forEach(run::message);
        }
        int start = run.lastCheckpoint().map(c -> JSON.readTree(c).path("next").asInt(0)).orElse(0);
        for (int i = start; i < units; i++) {
            run.stopIfCancelled();
            if (i == units / 2 && run.attempt() <= failTimes) {
                throw new IllegalStateException("transient failure #" + run.attempt());
            }
            run.progress(i + 1, (long) units);
            run.checkpoint("{\"next\": " + (i + 1) + "}");
        }
        if (Boolean.TRUE.equals(payload.waitForCancel())) {
            boolean failWhenCancelled = Boolean.TRUE.equals(payload.failWhenCancelled());
            while (true) {
                try {
                    run.stopIfCancelled();
                } catch (JobCancelledException cancelled) {
                    if (failWhenCancelled) {
                        // like a sync whose connection was disconnected: its next call fails instead
                        throw new IllegalStateException("the token is gone");
                    }
                    throw cancelled;
                }
                Thread.onSpinWait();
                Thread.sleep(20);
            }
        }
    }
}
