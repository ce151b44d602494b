package com.tttools.app.notifications.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.notifications.outbox.DeliveryRetry;
import com.tttools.app.notifications.outbox.EventTypes;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The bell (htmx fragment), the notifications and preferences page, and a workspace's delivery log page. */
@Controller
class NotificationPagesController {

    private static final Map<String, String> STATUS_WORDS = Map.of("QUEUED", "Waiting", "SENT", "Sent",
            "DELIVERED", "Delivered", "BOUNCED", "Bounced", "FAILED", "Failed");
    private static final Map<String, String> MAIL_TEMPLATES = Map.of("verify-email", "E-mail confirmation",
            "reset-password", "Password reset", "invitation", "Invitation", "change-email", "E-mail change",
            "signup-attempt", "Sign-up attempt", "digest", "Summary");

    private final InAppNotifications notifications;
    private final Preferences preferences;
    private final DeliveryLog deliveries;
    private final DeliveryRetry retry;

    NotificationPagesController(InAppNotifications notifications, Preferences preferences, DeliveryLog deliveries,
            DeliveryRetry retry) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.deliveries = deliveries;
        this.retry = retry;
    }

    @GetMapping("/account/notifications/bell")
    String bell(@AuthenticationPrincipal AuthenticatedUser caller, Model model) {
        InAppNotifications.Page page = notifications.page(caller.id(), false, 10, null);
        model.addAttribute("items", page.items());
        model.addAttribute("unread", page.unreadCount());
        return "notifications/bell :: content";
    }

    @PostMapping("/account/notifications/{id}/read")
    String read(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id, Model model) {
        try {
            notifications.markRead(caller.id(), UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Notification");
        }
        return bell(caller, model);
    }

    @PostMapping("/account/notifications/read-all")
    String readAll(@AuthenticationPrincipal AuthenticatedUser caller) {
        notifications.markAllRead(caller.id());
        return "redirect:/account/notifications";
    }

    @GetMapping("/account/notifications")
    String settings(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(defaultValue = "false") boolean saved, Model model) {
        model.addAttribute("page", notifications.page(caller.id(), false, 50, null));
        model.addAttribute("preferences", preferences.of(caller.id()));
        model.addAttribute("saved", saved);
        return "notifications/settings";
    }

    /** The preferences form: {@code email.<type>=on}, {@code telegram.<type>=on}, {@code digest.<type>=NONE|...}. */
    @PostMapping("/account/notifications/preferences")
    String save(@AuthenticationPrincipal AuthenticatedUser caller, @RequestParam Map<String, String> form) {
        List<Preferences.Change> changes = new ArrayList<>();
        for (Preferences.Item item : preferences.of(caller.id()).items()) {
            String type = item.eventType();
            List<String> channels = new ArrayList<>(List.of("IN_APP"));
            if ("on".equals(form.get("email." + type))) {
                channels.add("EMAIL");
            }
            if ("on".equals(form.get("telegram." + type))) {
                channels.add("TELEGRAM");
            }
            changes.add(new Preferences.Change(type, channels, form.getOrDefault("digest." + type, item.digest())));
        }
        preferences.save(caller.id(), changes);
        return "redirect:/account/notifications?saved=true";
    }

    @GetMapping("/workspaces/{wsId}/deliveries")
    String deliveries(@RequireWorkspace(WorkspacePermission.MANAGE_NOTIFICATIONS) WorkspaceId workspace,
            @PathVariable String wsId, @RequestParam(required = false) String cursor, Model model) {
        Map<String, String> labels = new HashMap<>(MAIL_TEMPLATES);
        labels.putAll(EventTypes.KNOWN);
        model.addAttribute("page", deliveries.page(workspace, null, null, 50, cursor));
        model.addAttribute("wsId", wsId);
        model.addAttribute("labels", labels);
        model.addAttribute("statusWords", STATUS_WORDS);
        return "notifications/deliveries";
    }

    @PostMapping("/workspaces/{wsId}/deliveries/{id}/retry")
    String retry(@RequireWorkspace(WorkspacePermission.MANAGE_NOTIFICATIONS) WorkspaceId workspace,
            @PathVariable String wsId, @PathVariable String id) {
        try {
            retry.retry(workspace, DeliveryApiController.deliveryId(id));
        } catch (com.tttools.app.shared.ConflictException e) {
            // sent meanwhile, or already queued again by another admin: the log shows its current state
            return "redirect:/workspaces/" + workspace.value() + "/deliveries";
        }
        return "redirect:/workspaces/" + workspace.value() + "/deliveries?retried=true";
    }
}
