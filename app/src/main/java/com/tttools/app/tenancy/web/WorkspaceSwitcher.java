package com.tttools.app.tenancy.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.core.MembershipSnapshots;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the layout's switcher shows ({@code ${@workspaceSwitcher.current()}} in fragments/switcher.html): the
 * signed-in user's organizations, the workspaces they see in each, and the current one. Read when the layout
 * renders, so JSON endpoints pay nothing for it, from {@link MembershipSnapshots} (one query, kept briefly). On a workspace's page the current one is that workspace.
 */
@Component("workspaceSwitcher")
class WorkspaceSwitcher {

    record Entry(String id, String name, boolean current) {
    }

    record Organization(String id, String name, String role, List<Entry> workspaces) {
    }

    record View(boolean signedIn, WorkspaceAccess current, String currentOrganizationName,
            List<Organization> organizations) {
    }

    private final MembershipSnapshots snapshots;
    private final TenantAccess access;
    private final PageWorkspace pageWorkspace;

    WorkspaceSwitcher(MembershipSnapshots snapshots, TenantAccess access, PageWorkspace pageWorkspace) {
        this.snapshots = snapshots;
        this.access = access;
        this.pageWorkspace = pageWorkspace;
    }

    public View current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof AuthenticatedUser user)) {
            return new View(false, null, null, List.of());
        }
        // the page's own workspace when it has one: the last one switched to may be another (a link, a second tab)
        WorkspaceAccess current = pageWorkspace.current(user)
                .or(() -> access.currentWorkspace(user.id())).orElse(null);
        String currentOrganizationName = null;
        List<Organization> organizations = new java.util.ArrayList<>();
        for (var membership : snapshots.of(user.id()).organizations()) {
            List<Entry> workspaces = membership.workspaces().stream()
                    .map(w -> new Entry(w.id().toString(), w.name(),
                            current != null && current.workspaceId().equals(w.id())))
                    .toList();
            if (current != null && current.organizationId().equals(membership.id())) {
                currentOrganizationName = membership.name();
            }
            organizations.add(new Organization(membership.id().toString(), membership.name(),
                    membership.role().name(), workspaces));
        }
        return new View(true, current, currentOrganizationName, organizations);
    }
}
