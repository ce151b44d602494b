package com.tttools.app.notifications.telegram;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ConflictException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The account's Telegram section: link a chat through a one-time deep link, or unlink it. */
@Controller
class TelegramPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'");
    private final TelegramLinking linking;
    private final TelegramLinks links;

    TelegramPageController(TelegramLinking linking, TelegramLinks links) {
        this.linking = linking;
        this.links = links;
    }

    @GetMapping("/account/telegram")
    String page(@AuthenticationPrincipal AuthenticatedUser caller, Model model) {
        return render(caller, model);
    }

    @PostMapping("/account/telegram/link")
    String link(@AuthenticationPrincipal AuthenticatedUser caller, Model model) {
        try {
            TelegramLinking.DeepLink link = linking.newLink(caller.id());
            model.addAttribute("deepLink", link.url());
            model.addAttribute("deepLinkExpires", TIME.format(link.expiresAt().atZone(ZoneOffset.UTC)));
        } catch (ConflictException e) {
            model.addAttribute("problem", e.getMessage());
        }
        return render(caller, model);
    }

    @PostMapping("/account/telegram/unlink")
    String unlink(@AuthenticationPrincipal AuthenticatedUser caller) {
        links.unlink(caller.id());
        return "redirect:/account/telegram";
    }

    private String render(AuthenticatedUser caller, Model model) {
        model.addAttribute("available", linking.available());
        model.addAttribute("link", links.find(caller.id()).orElse(null));
        return "notifications/telegram";
    }
}
