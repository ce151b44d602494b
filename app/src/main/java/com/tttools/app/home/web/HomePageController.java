package com.tttools.app.home.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The workspace home and the first-run checklist fragment it polls while the first sync runs. */
@Controller
class HomePageController {

    private final HomeAssembler assembler;

    HomePageController(HomeAssembler assembler) {
        this.assembler = assembler;
    }

    @GetMapping("/workspaces/{wsId}")
    String home(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess workspace, Model model) {
        model.addAttribute("home", assembler.home(caller, workspace));
        return "home/home";
    }

    @GetMapping("/workspaces/{wsId}/home/checklist")
    String checklist(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess workspace, Model model) {
        model.addAttribute("workspace", workspace);
        model.addAttribute("checklist", assembler.checklist(caller, workspace));
        return "home/checklist :: checklist";
    }
}
