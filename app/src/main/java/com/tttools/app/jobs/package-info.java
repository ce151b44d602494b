/**
 * User-visible background jobs over db-scheduler: submit, follow (status, progress, attempts, last error),
 * cancel. Feature modules contribute {@link com.tttools.app.jobs.JobHandler}s.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Jobs",
        allowedDependencies = { "shared", "identity", "tenancy", "audit" })
package com.tttools.app.jobs;
