package com.tttools.app.jobs.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.WorkspacePermission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The jobs page and the progress fragment that htmx polls every 2 s while a job is unfinished (the fragment of
 * a finished job no longer carries the polling trigger, so polling stops by itself).
 */
@Controller
class JobPageController {

    private final Jobs jobs;
    private final WorkspaceGuard guard;

    JobPageController(Jobs jobs, WorkspaceGuard guard) {
        this.jobs = jobs;
        this.guard = guard;
    }

    @GetMapping("/workspaces/{wsId}/jobs")
    String list(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @RequestParam(required = false) String cursor, Model model) {
        WorkspaceId workspace = guard.require(caller, wsId, WorkspacePermission.VIEW_WORKSPACE);
        model.addAttribute("wsId", wsId);
        model.addAttribute("page", jobs.list(workspace, JobFilter.any(), 50, cursor));
        return "jobs/list";
    }

    @GetMapping("/workspaces/{wsId}/jobs/{jobId}/progress")
    String progress(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId,
            @PathVariable String jobId, Model model) {
        WorkspaceId workspace = guard.require(caller, wsId, WorkspacePermission.VIEW_WORKSPACE);
        model.addAttribute("wsId", wsId);
        model.addAttribute("job", jobs.find(workspace, jobId).orElseThrow(() -> new NotFoundException("Job")));
        return "jobs/progress :: progress";   // wsId and job come from the model
    }
}
