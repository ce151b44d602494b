package com.tttools.app.jobs.web;

import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobType;
import com.tttools.app.jobs.Jobs;
import org.springframework.stereotype.Component;

/**
 * Job types and statuses in words ({@code ${@jobTypes.label(type)}}): "Report sync", not {@code tiktok.report-sync}.
 * The words come from the owning module's {@link JobType} constant, found among the registered types by name.
 */
@Component("jobTypes")
public class JobTypeLabels {

    private final Jobs jobs;

    JobTypeLabels(Jobs jobs) {
        this.jobs = jobs;
    }

    public String label(String type) {
        if (type == null) {
            return "";
        }
        // a stored job whose type is no longer registered still reads as words
        return jobs.types().stream().filter(t -> t.name().equals(type)).map(JobType::label).findFirst()
                .orElseGet(() -> JobType.words(type));
    }

    public String status(JobStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case QUEUED -> "Queued";
            case RUNNING -> "Running";
            case SUCCEEDED -> "Done";
            case FAILED -> "Failed";
            case CANCELLED -> "Cancelled";
        };
    }
}
