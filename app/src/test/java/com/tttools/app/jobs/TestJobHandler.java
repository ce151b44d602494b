package com.tttools.app.jobs;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job type for tests only (component-scanned from the test classpath into the one shared context):
 * works through {@code units}, failing the first {@code failTimes} attempts, or permanently, or waiting for
 * cancellation (and then failing, with {@code failWhenCancelled}); it resumes from its checkpoint.
 */
@Component
class TestJobHandler implements JobHandler {

    static final String TYPE = "test-units";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void run(JobRun run) throws Exception {
        JsonNode payload = JSON.readTree(run.payloadJson());
        int units = payload.path("units").asInt(1);
        int failTimes = payload.path("failTimes").asInt(0);
        if (payload.path("permanent").asBoolean(false)) {
            throw new JobFailedPermanently("bad input: permanent failure requested");
        }
        payload.path("messages").forEach(message -> run.message(message.asString()));
        int start = run.lastCheckpoint().map(c -> JSON.readTree(c).path("next").asInt(0)).orElse(0);
        for (int i = start; i < units; i++) {
            run.stopIfCancelled();
            if (i == units / 2 && run.attempt() <= failTimes) {
                throw new IllegalStateException("transient failure #" + run.attempt());
            }
            run.progress(i + 1, (long) units);
            run.checkpoint("{\"next\": " + (i + 1) + "}");
        }
        if (payload.path("waitForCancel").asBoolean(false)) {
            boolean failWhenCancelled = payload.path("failWhenCancelled").asBoolean(false);
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
