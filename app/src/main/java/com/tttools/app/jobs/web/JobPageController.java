package com.tttools.app.jobs.web;

import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
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

    JobPageController(Jobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/workspaces/{wsId}/jobs")
    String list(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId workspace,
            @PathVariable String wsId, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("wsId", wsId);
        model.addAttribute("page", jobs.list(workspace, JobFilter.any(), 50, cursor));
        return "jobs/list";
    }

    @GetMapping("/workspaces/{wsId}/jobs/{jobId}/progress")
    String progress(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId workspace,
            @PathVariable String wsId, @PathVariable JobId jobId, Model model) {
        model.addAttribute("wsId", wsId);
        model.addAttribute("job",
                jobs.find(workspace, jobId.toString()).orElseThrow(() -> new NotFoundException("Job")));
        return "jobs/progress :: progress";   // wsId and job come from the model
    }
}
