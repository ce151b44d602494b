package com.tttools.app.jobs.internal;

import com.tttools.app.jobs.JobFailedPermanently;
import com.tttools.app.jobs.JobType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** Job payloads as the JSON stored in the job row, through the application's Jackson mapper. */
@Component
class JobPayloads {

    private final JsonMapper json;

    JobPayloads(JsonMapper json) {
        this.json = json;
    }

    String write(Record payload) {
        return json.writeValueAsString(payload);
    }

    /** A stored payload that does not bind to the type's record fails the job: no retry can fix it. */
    <P extends Record> P read(JobType<P> type, String stored) {
        try {
            return json.readValue(stored == null ? "{}" : stored, type.payloadType());
        } catch (JacksonException e) {
            throw new JobFailedPermanently("The payload is not a " + type.name() + " payload: "
                    + e.getOriginalMessage(), e);
        }
    }
}
