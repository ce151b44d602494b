package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.ConnectionStatus;
import com.tttools.app.tiktok.TikTokConnections;
import com.tttools.app.tiktok.client.TikTokProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The connections page of a workspace, its buttons, and the OAuth callback TikTok sends the browser back to. The
 * workspace routes authorize and bind their workspace through {@code @RequireWorkspace} (row-level security,
 * docs/security.md); the callback names no workspace in its path and binds none.
 */
@Controller
class ConnectionPageController {

    private final TikTokConnections connections;
    private final ConnectFlow flow;
    private final TikTokProperties properties;
    private final org.springframework.beans.factory.ObjectProvider<com.tttools.app.tiktok.AdvertiserNames> names;
    private final com.tttools.app.tenancy.TenantDirectory directory;

    /**
     * One connection of the health centre: its status in words with a badge class, advertiser names by id, the last
     * sync per kind ({@code ASSETS}, {@code REPORTS}), and whether the person who connected it is the workspace's only
     * admin (nobody else could reconnect it).
     */
    record Health(TikTokConnections.ConnectionView c, String statusLabel, String badge, Map<String, String> names,
            Map<String, com.tttools.app.jobs.JobView> lastSyncs, boolean onlyAdmin, boolean reconnectable) {

        public String name(String advertiserId) {
            return names.getOrDefault(advertiserId, advertiserId);
        }
    }

    ConnectionPageController(TikTokConnections connections, ConnectFlow flow, TikTokProperties properties,
            org.springframework.beans.factory.ObjectProvider<com.tttools.app.tiktok.AdvertiserNames> names,
            com.tttools.app.tenancy.TenantDirectory directory) {
        this.names = names;
        this.directory = directory;
        this.connections = connections;
        this.flow = flow;
        this.properties = properties;
    }

    @GetMapping("/workspaces/{wsId}/connections")
    String page(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.VIEW_WORKSPACE) WorkspaceAccess workspace, Model model) {
        model.addAttribute("workspace", workspace);
        List<TikTokConnections.ConnectionView> list = connections.list(caller, workspace.workspaceId());
        model.addAttribute("connections", list);
        model.addAttribute("health", health(caller, workspace, list));
        model.addAttribute("managesConnections", workspace.can(WorkspacePermission.MANAGE_CONNECTIONS));
        model.addAttribute("triggersChecks", workspace.can(WorkspacePermission.TRIGGER_SYNC));
        model.addAttribute("simulator", properties.simulatorMode());
        return "tiktok/connections";
    }

    private List<Health> health(AuthenticatedUser caller, WorkspaceAccess workspace,
            List<TikTokConnections.ConnectionView> list) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        list.forEach(c -> {
            ids.addAll(c.advertisers());
            ids.addAll(c.newAdvertisers());
            ids.addAll(c.lostAdvertisers());
        });
        Map<String, String> known = new java.util.HashMap<>();
        names.orderedStream().forEach(n -> known.putAll(n.of(workspace.workspaceId(), ids)));
        List<com.tttools.app.shared.UserId> admins = directory.workspaceAdmins(workspace.workspaceId());
        return list.stream().map(c -> {
            boolean onlyAdmin = c.connectedBy() != null && admins.size() == 1
                    && admins.get(0).toString().equals(c.connectedBy().id());
            return new Health(c, statusLabel(c.status()), badge(c.status()), known,
                    connections.lastSyncs(caller, workspace.workspaceId(), c.connectionId()), onlyAdmin,
                    !c.active());
        }).toList();
    }

    static String statusLabel(ConnectionStatus status) {
        return switch (status) {
            case ACTIVE -> "Active";
            case NEEDS_REAUTH -> "Needs reconnecting";
            case ERROR -> "TikTok errors";
            case DISCONNECTED -> "Disconnected";
        };
    }

    static String badge(ConnectionStatus status) {
        return switch (status) {
            case ACTIVE -> "badge-ok";
            case NEEDS_REAUTH, ERROR -> "badge-warn";
            case DISCONNECTED -> "badge-deleted";
        };
    }

    /** Removes a disconnected connection from the list; its synced data stays. */
    @PostMapping("/workspaces/{wsId}/connections/{id}/remove")
    String remove(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_CONNECTIONS) WorkspaceId wsId, @PathVariable ConnectionId id,
            RequestMetadata request, RedirectAttributes redirect) {
        connections.remove(caller, wsId, id, request);
        redirect.addFlashAttribute("notice", "Removed the disconnected connection from the list. Its synced data stays.");
        return "redirect:/workspaces/" + wsId + "/connections";
    }

    @PostMapping("/workspaces/{wsId}/connections/tiktok")
    String connect(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_CONNECTIONS) WorkspaceId wsId, HttpServletRequest request) {
        return "redirect:" + connections.startConnect(caller, wsId,
                ConnectionApiController.sessionId(request));
    }

    @PostMapping("/workspaces/{wsId}/connections/{id}/check")
    String check(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId wsId, @PathVariable ConnectionId id,
            RequestMetadata request, RedirectAttributes redirect) {
        var view = connections.check(caller, wsId, id, request);
        redirect.addFlashAttribute("notice", "Checked the connection: " + statusLabel(view.status()) + ".");
        return "redirect:/workspaces/" + wsId + "/connections";
    }

    /** Sync buttons: assets now, or the reports of the last 30 days (re-pulls revise provisional days). */
    @PostMapping("/workspaces/{wsId}/connections/{id}/sync")
    String sync(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId wsId, @PathVariable ConnectionId id,
            @RequestParam(defaultValue = "ASSETS") String kind,
            RedirectAttributes redirect) {
        JobId jobId = connections.requestSync(caller, wsId, id,
                new TikTokConnections.SyncRequest(kind, null, null), null);
        redirect.addFlashAttribute("notice", ("REPORTS".equals(kind) ? "Report" : "Asset") + " sync queued (job "
                + jobId + ").");
        return "redirect:/workspaces/" + wsId + "/connections";
    }

    @PostMapping("/workspaces/{wsId}/connections/{id}/disconnect")
    String disconnect(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequireWorkspace(WorkspacePermission.MANAGE_CONNECTIONS) WorkspaceId wsId, @PathVariable ConnectionId id,
            @RequestParam(defaultValue = "false") boolean deleteData,
            RequestMetadata request, RedirectAttributes redirect) {
        var done = connections.disconnect(caller, wsId, id, deleteData, request);
        redirect.addFlashAttribute("notice", notice(done));
        return "redirect:/workspaces/" + wsId + "/connections";
    }

    static String notice(TikTokConnections.Disconnection done) {
        if (!done.disconnected()) {
            return "The connection was already disconnected.";
        }
        if (!done.dataDeleted()) {
            return "Disconnected. Its tokens are deleted; synced data stays.";
        }
        StringBuilder notice = new StringBuilder("Disconnected. Its tokens are deleted");
        int deleted = done.deletedAdvertisers().size();
        notice.append(deleted == 0 ? "." : "; the assets and reports of " + advertisers(deleted) + " are being deleted.");
        if (!done.keptAdvertisers().isEmpty()) {
            notice.append(" The data of ").append(advertisers(done.keptAdvertisers().size()))
                    .append(" stays: another connection of this workspace still grants them.");
        }
        return notice.toString();
    }

    private static String advertisers(int count) {
        return count == 1 ? "1 advertiser" : count + " advertisers";
    }

    /**
     * TikTok's redirect after the consent page. Needs the signed-in session (not under /api, so the security
     * chain sends anonymous callers to the login page); TikTok sends {@code auth_code}, some integrations
     * {@code code}.
     */
    @GetMapping(ConnectFlow.CALLBACK_PATH)
    String callback(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(name = "auth_code", required = false) String authCode,
            @RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "error", required = false) String error,
            HttpServletRequest request, RequestMetadata metadata, jakarta.servlet.http.HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        ConnectFlow.Result result = flow.callback(caller, ConnectionApiController.sessionId(request), state,
                authCode != null ? authCode : code, error, metadata);
        if (result.succeeded()) {
            // the home's first-run checklist follows the first sync from here
            redirect.addFlashAttribute("notice", "TikTok is connected. The first sync is importing your campaigns "
                    + "and daily figures; this page updates as it goes.");
            return "redirect:/workspaces/" + result.workspaceId();
        }
        response.setStatus(result.status());
        model.addAttribute("problem", result.problem());
        model.addAttribute("workspaceId", result.workspaceId());
        return "tiktok/connect-failed";
    }
}
