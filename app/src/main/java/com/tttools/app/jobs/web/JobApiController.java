package com.tttools.app.jobs.web;

import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.CursorPage;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.Arrays;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The jobs of a workspace: follow them (status, progress, attempts, last error) and cancel them. */
@RestController
class JobApiController {

    private final Jobs jobs;

    JobApiController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/api/v1/workspaces/{wsId}/jobs")
    CursorPage<JobView> list(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId workspace,
            @RequestParam(required = false) String type, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        return jobs.list(workspace, new JobFilter(type == null || type.isBlank() ? null : type, status(status)), limit,
                cursor);
    }

    @GetMapping("/api/v1/workspaces/{wsId}/jobs/{jobId}")
    JobView get(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId workspace,
            @PathVariable JobId jobId) {
        return jobs.find(workspace, jobId).orElseThrow(() -> new NotFoundException("Job"));
    }

    /** 202: a queued job is cancelled at once, a running one stops at its next unit of work. */
    @PostMapping("/api/v1/workspaces/{wsId}/jobs/{jobId}/cancel")
    ResponseEntity<Map<String, String>> cancel(
            @RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId workspace, @PathVariable JobId jobId) {
        JobView job = jobs.find(workspace, jobId).orElseThrow(() -> new NotFoundException("Job"));
        if (!jobs.cancel(workspace, jobId)) {
            throw new ConflictException("The job has already finished (" + job.status() + ").");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("jobId", job.id()));
    }


    private static JobStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return JobStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailedException("status", "must be one of " + Arrays.toString(JobStatus.values()));
        }
    }
}
