package com.tttools.app.jobs;

/** Optional filters of a job list (null = any). */
public record JobFilter(String type, JobStatus status) {

    public static JobFilter any() {
        return new JobFilter(null, null);
    }
}
