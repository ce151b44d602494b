package com.tttools.app.jobs;

/** Optional filters of a job list (null = any). */
public record JobFilter(String type, JobStatus status) {

    public static JobFilter any() {
        return new JobFilter(null, null);
    }

    /** Jobs of one type, any status. */
    public static JobFilter of(JobType<?> type) {
        return of(type, null);
    }

    /** Jobs of one type (null = any) and status (null = any). */
    public static JobFilter of(JobType<?> type, JobStatus status) {
        return new JobFilter(type == null ? null : type.name(), status);
    }
}
