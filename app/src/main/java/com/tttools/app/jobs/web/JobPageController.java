package com.tttools.app.jobs.web;

import com.tttools.app.jobs.JobType;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The jobs page (filtered by type and status), one job's page (duration, who started it, attempts, cancel), and
 * the progress fragment that htmx polls every 2 s while a job is unfinished (the fragment of a finished job no
 * longer carries the polling trigger, so polling stops by itself).
 */
@Controller
class JobPageController {

    private final Jobs jobs;
    private final UserAccounts users;

    JobPageController(Jobs jobs, UserAccounts users) {
        this.jobs = jobs;
        this.users = users;
    }

    @GetMapping("/workspaces/{wsId}/jobs")
    String list(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess granted,
            @PathVariable String wsId, @RequestParam(required = false) String type,
            @RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
            Model model) {
        WorkspaceId workspace = granted.workspaceId();
        // the filter offers the registered types (one per handler); the owners' constants are out of reach here,
        // as those modules depend on this one
        List<JobType<?>> types = jobs.types();
        boolean typeGiven = type != null && !type.isBlank();
        JobType<?> chosenType = !typeGiven ? null
                : types.stream().filter(t -> t.name().equals(type)).findFirst().orElse(null);
        JobStatus chosenStatus = Arrays.stream(JobStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        List<String> problems = new ArrayList<>();
        if (typeGiven && chosenType == null) {
            problems.add("There is no job type \"" + type + "\": choose one from the list.");
        }
        if (status != null && !status.isBlank() && chosenStatus == null) {
            problems.add("There is no job status \"" + status + "\": choose one from the list.");
        }
        model.addAttribute("wsId", wsId);
        model.addAttribute("types", types);
        model.addAttribute("statuses", JobStatus.values());
        model.addAttribute("type", chosenType);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("problems", problems);
        model.addAttribute("timezone", granted.timezone());
        model.addAttribute("page", jobs.list(workspace, JobFilter.of(chosenType, chosenStatus), 50, cursor));
        return "jobs/list";
    }

    @GetMapping("/workspaces/{wsId}/jobs/{jobId}")
    String detail(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess granted,
            @PathVariable String wsId, @PathVariable JobId jobId, Model model) {
        JobView job = jobs.find(granted.workspaceId(), jobId)
                .orElseThrow(() -> new NotFoundException("Job"));
        model.addAttribute("wsId", wsId);
        model.addAttribute("job", job);
        model.addAttribute("timezone", granted.timezone());
        model.addAttribute("startedBy", startedBy(job));
        model.addAttribute("cancels", !job.status().finished() && granted.can(WorkspacePermission.TRIGGER_SYNC));
        model.addAttribute("pageCrumb", "Job");
        return "jobs/detail";
    }

    @PostMapping("/workspaces/{wsId}/jobs/{jobId}/cancel")
    String cancel(@RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId workspace,
            @PathVariable String wsId, @PathVariable JobId jobId, RedirectAttributes redirect) {
        jobs.find(workspace, jobId).orElseThrow(() -> new NotFoundException("Job"));
        boolean cancelled = jobs.cancel(workspace, jobId);
        redirect.addFlashAttribute("notice", cancelled ? "Cancelled (a running job stops at its next step)."
                : "The job had already finished.");
        return "redirect:/workspaces/" + wsId + "/jobs/" + jobId;
    }

    /** The name of the member who started the job; TTtools itself for jobs the system started. */
    private String startedBy(JobView job) {
        UserId creator = job.creator();
        if (creator == null) {
            return "TTtools (scheduled or automatic)";
        }
        return users.find(creator).map(u -> u.name() + " (" + u.email() + ")").orElse("A former member");
    }

    @GetMapping("/workspaces/{wsId}/jobs/{jobId}/progress")
    String progress(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceId workspace,
            @PathVariable String wsId, @PathVariable JobId jobId, Model model) {
        model.addAttribute("wsId", wsId);
        model.addAttribute("job",
                jobs.find(workspace, jobId).orElseThrow(() -> new NotFoundException("Job")));
        return "jobs/progress :: progress";   // wsId and job come from the model
    }
}
