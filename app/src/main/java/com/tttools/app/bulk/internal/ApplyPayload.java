package com.tttools.app.bulk.internal;

import com.tttools.app.jobs.JobType;
import java.util.UUID;

/** The {@code bulk.apply} job's payload: which change set to apply (the workspace comes from the job row). */
public record ApplyPayload(UUID changeSetId) {

    static final JobType<ApplyPayload> JOB = JobType.of("bulk.apply", "Apply bulk changes",
            ApplyPayload.class);
}
