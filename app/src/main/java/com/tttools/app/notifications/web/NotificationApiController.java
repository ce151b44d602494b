package com.tttools.app.notifications.web;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own in-app notifications. */
@Tag(name = "Notifications")
@RestController
class NotificationApiController {

    private final InAppNotifications notifications;

    NotificationApiController(InAppNotifications notifications) {
        this.notifications = notifications;
    }

    @Operation(summary = "The caller's notifications, newest first, with the unread count")
    @GetMapping("/api/v1/me/notifications")
    InAppNotifications.Page list(@AuthenticationPrincipal AuthenticatedUser caller,
            @RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String cursor) {
        return notifications.page(caller.id(), unread, limit, cursor);
    }

    @Operation(summary = "Marks one of the caller's notifications read")
    @PostMapping("/api/v1/me/notifications/{id}/read")
    ResponseEntity<Void> read(@AuthenticationPrincipal AuthenticatedUser caller, @PathVariable String id) {
        UUID parsed;
        try {
            parsed = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("Notification");
        }
        if (!notifications.markRead(caller.id(), parsed)) {
            throw new NotFoundException("Notification");
        }
        return ResponseEntity.noContent().build();
    }
}
