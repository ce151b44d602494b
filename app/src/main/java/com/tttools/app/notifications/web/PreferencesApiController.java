package com.tttools.app.notifications.web;

import com.tttools.app.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The caller's notification preferences per event type: channels and digest. */
@Tag(name = "Notifications")
@RestController
class PreferencesApiController {

    record Body(List<Preferences.Change> items) {
    }

    private final Preferences preferences;

    PreferencesApiController(Preferences preferences) {
        this.preferences = preferences;
    }

    @Operation(summary = "Channels and digest per event type (defaults for types never saved)")
    @GetMapping("/api/v1/me/notification-preferences")
    Preferences.Items get(@AuthenticationPrincipal AuthenticatedUser caller) {
        return preferences.of(caller.id());
    }

    @Operation(summary = "Saves the given event types' channels and digest; others keep theirs")
    @PutMapping("/api/v1/me/notification-preferences")
    Preferences.Items put(@AuthenticationPrincipal AuthenticatedUser caller, @RequestBody Body body) {
        return preferences.save(caller.id(), body == null ? null : body.items());
    }
}
