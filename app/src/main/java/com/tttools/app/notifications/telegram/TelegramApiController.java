package com.tttools.app.notifications.telegram;

import com.tttools.app.identity.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own Telegram link: {@code /api/v1/me/telegram}. */
@RestController
@Tag(name = "Telegram", description = "Link a Telegram chat to your account for alerts")
class TelegramApiController {

    record Status(boolean available, boolean linked, Instant linkedAt, boolean blocked) {
    }

    private final TelegramLinking linking;
    private final TelegramLinks links;

    TelegramApiController(TelegramLinking linking, TelegramLinks links) {
        this.linking = linking;
        this.links = links;
    }

    @GetMapping("/api/v1/me/telegram")
    @Operation(summary = "Whether a Telegram chat is linked, and whether the bot was blocked there")
    Status status(@AuthenticationPrincipal AuthenticatedUser caller) {
        return links.find(caller.id())
                .map(l -> new Status(linking.available(), true, l.linkedAt(), !l.active()))
                .orElse(new Status(linking.available(), false, null, false));
    }

    @PostMapping("/api/v1/me/telegram/link")
    @Operation(summary = "A deep link with a one-time code (10 minutes, single use) that links the chat opening it")
    ResponseEntity<TelegramLinking.DeepLink> link(@AuthenticationPrincipal AuthenticatedUser caller) {
        return ResponseEntity.status(HttpStatus.CREATED).body(linking.newLink(caller.id()));
    }

    @DeleteMapping("/api/v1/me/telegram")
    @Operation(summary = "Unlink Telegram: nothing more is sent there")
    ResponseEntity<Void> unlink(@AuthenticationPrincipal AuthenticatedUser caller) {
        links.unlink(caller.id());
        return ResponseEntity.noContent().build();
    }
}
