package com.tttools.app.home.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/** The workspace home, its figures (loaded after the first paint) and the first-run checklist it polls. */
@Controller
class HomePageController {

    private final HomeAssembler assembler;

    HomePageController(HomeAssembler assembler) {
        this.assembler = assembler;
    }

    /** The first paint: the workspace and the layout; the figures follow from {@link #overview}. */
    @GetMapping("/workspaces/{wsId}")
    String home(@RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess workspace, Model model) {
        model.addAttribute("workspace", workspace);
        return "home/home";
    }

    /** The figures, connections and running syncs: the fragment for htmx, else the whole home with them inline. */
    @GetMapping("/workspaces/{wsId}/home/overview")
    String overview(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess workspace,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("home", assembler.home(caller, workspace));
        return htmx != null ? "home/overview :: overview" : "home/home";
    }

    @GetMapping("/workspaces/{wsId}/home/checklist")
    String checklist(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess workspace, Model model) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("checklist", assembler.checklist(caller, workspace));
        return "home/checklist :: checklist";
    }
}
