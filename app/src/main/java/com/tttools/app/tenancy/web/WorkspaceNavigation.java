package com.tttools.app.tenancy.web;

import com.tttools.app.tenancy.OrganizationAccess;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspaceNavigationEntry;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tenancy.core.MembershipSnapshots;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the layout's workspace navigation and breadcrumbs show ({@code ${@workspaceNavigation.current()}}): the
 * entries of the page's workspace the viewer's role may open, which one is current, and the trail from the
 * organization down to the page. Pages add their own last crumb with the model attribute {@code pageCrumb}.
 */
@Component("workspaceNavigation")
class WorkspaceNavigation {

    static final List<WorkspaceNavigationEntry> CORE = List.of(
            new WorkspaceNavigationEntry("home", "Home", "", WorkspacePermission.VIEW_WORKSPACE, 10),
            new WorkspaceNavigationEntry("reports", "Reports", "/reports", WorkspacePermission.VIEW_REPORTS, 20),
            new WorkspaceNavigationEntry("campaigns", "Campaigns", "/inventory/campaigns",
                    WorkspacePermission.VIEW_INVENTORY, 30),
            new WorkspaceNavigationEntry("ad-groups", "Ad groups", "/inventory/ad-groups",
                    WorkspacePermission.VIEW_INVENTORY, 31),
            new WorkspaceNavigationEntry("ads", "Ads", "/inventory/ads", WorkspacePermission.VIEW_INVENTORY, 32),
            new WorkspaceNavigationEntry("assets", "Assets", "/inventory", WorkspacePermission.VIEW_INVENTORY, 40),
            new WorkspaceNavigationEntry("connections", "Connections", "/connections",
                    WorkspacePermission.VIEW_WORKSPACE, 50),
            new WorkspaceNavigationEntry("jobs", "Jobs", "/jobs", WorkspacePermission.VIEW_WORKSPACE, 60),
            new WorkspaceNavigationEntry("settings", "Settings", "/settings", WorkspacePermission.VIEW_WORKSPACE, 90));

    record Item(String key, String label, String href, boolean current) {
    }

    record Crumb(String label, String href) {
    }

    /**
     * @param auditLog    whether the viewer may read the organization's audit log (for the account menu)
     */
    record View(WorkspaceAccess workspace, String organizationName, List<Item> items, List<Crumb> crumbs,
            boolean auditLog) {
    }

    private final PageWorkspace pageWorkspace;
    private final TenantAccess access;
    private final MembershipSnapshots snapshots;
    private final List<WorkspaceNavigationEntry> entries;

    WorkspaceNavigation(PageWorkspace pageWorkspace, TenantAccess access, MembershipSnapshots snapshots,
            List<WorkspaceNavigationEntry> extra) {
        this.pageWorkspace = pageWorkspace;
        this.access = access;
        this.snapshots = snapshots;
        List<WorkspaceNavigationEntry> all = new ArrayList<>(CORE);
        all.addAll(extra);
        all.sort(Comparator.comparingInt(WorkspaceNavigationEntry::order));
        this.entries = List.copyOf(all);
    }

    /** Null on pages outside a workspace, or when the viewer cannot see the page's workspace. */
    public View current() {
        return PageWorkspace.signedInUser().flatMap(pageWorkspace::current).map(this::viewOf).orElse(null);
    }

    View viewOf(WorkspaceAccess workspace) {
        String base = "/workspaces/" + workspace.workspaceId();
        String rest = PageWorkspace.parse(PageWorkspace.requestPath()).map(PageWorkspace.WorkspacePath::rest)
                .orElse("");
        List<WorkspaceNavigationEntry> visible = entries.stream().filter(e -> workspace.can(e.permission())).toList();
        Optional<WorkspaceNavigationEntry> current = currentEntry(visible, rest);
        List<Item> items = visible.stream()
                .map(e -> new Item(e.key(), e.label(), base + e.path(), current.map(e::equals).orElse(false)))
                .toList();
        // names and role for display only, from the layout's snapshot; the database when it has not caught up yet
        OrganizationAccess organization = snapshots.of(workspace.userId()).organization(workspace.organizationId())
                .map(o -> new OrganizationAccess(workspace.userId(), o.id(), o.name(), o.role()))
                .orElseGet(() -> access.requireOrganization(workspace.userId(), workspace.organizationId(),
                        OrganizationPermission.VIEW_ORGANIZATION));
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(organization.organizationName(), "/organizations/" + workspace.organizationId()));
        crumbs.add(new Crumb(workspace.workspaceName(), base));
        current.filter(e -> !e.path().isEmpty()).ifPresent(e -> crumbs.add(new Crumb(e.label(), base + e.path())));
        return new View(workspace, organization.organizationName(), items, crumbs,
                OrganizationPermission.READ_AUDIT_LOG.grantedTo(organization.role()));
    }

    /** The entry with the longest path (its own or one it is also current under) the page's path falls under; the home only for the home itself. */
    static Optional<WorkspaceNavigationEntry> currentEntry(List<WorkspaceNavigationEntry> entries, String rest) {
        String path = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
        return entries.stream()
                .filter(e -> e.matchLength(path) >= 0)
                .max(Comparator.comparingInt(e -> e.matchLength(path)));
    }

    /**
     * Where switching to {@code target} from the page at {@code from} leads: the same section of the other
     * workspace (a list, not one entity, which the other workspace does not have), else its home.
     */
    String samePageIn(String target, String from) {
        String base = "/workspaces/" + target;
        return PageWorkspace.parse(from)
                .flatMap(path -> currentEntry(entries, path.rest()))
                .map(e -> base + e.path())
                .orElse(base);
    }
}
