package com.tttools.app.home.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.PathIds;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The workspace home and the first-run checklist fragment it polls while the first sync runs. */
@Controller
class HomePageController {

    private final TenantAccess access;
    private final HomeAssembler assembler;

    HomePageController(TenantAccess access, HomeAssembler assembler) {
        this.access = access;
        this.assembler = assembler;
    }

    @GetMapping("/workspaces/{wsId}")
    String home(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId, Model model) {
        WorkspaceAccess workspace = access.requireWorkspace(caller.id(), PathIds.workspace(wsId),
                WorkspacePermission.VIEW_WORKSPACE);
        model.addAttribute("home", assembler.home(caller, workspace));
        return "home/home";
    }

    @GetMapping("/workspaces/{wsId}/home/checklist")
    String checklist(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String wsId, Model model) {
        WorkspaceAccess workspace = access.requireWorkspace(caller.id(), PathIds.workspace(wsId),
                WorkspacePermission.VIEW_WORKSPACE);
        model.addAttribute("workspace", workspace);
        model.addAttribute("checklist", assembler.checklist(caller, workspace));
        return "home/checklist :: checklist";
    }
}
