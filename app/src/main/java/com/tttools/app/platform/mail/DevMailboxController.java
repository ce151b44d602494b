package com.tttools.app.platform.mail;

import com.tttools.app.platform.database.DatabaseServer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/mailbox}: the mail the app would have sent, readable in the browser. It exists only when the
 * app runs with the embedded defaults (no SMTP, embedded database, not the prod profile); otherwise 404.
 */
@Controller
class DevMailboxController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    record MessageView(String at, String to, String subject, String text, List<String> links) {
    }

    private final Mailer mailer;
    private final boolean enabled;

    DevMailboxController(Mailer mailer, DatabaseServer database, Environment environment) {
        this.mailer = mailer;
        this.enabled = mailer instanceof DevMailbox && database.embedded()
                && !environment.acceptsProfiles(Profiles.of("prod"));
    }

    @GetMapping("/dev/mailbox")
    String mailbox(Model model) {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        List<MessageView> messages = ((DevMailbox) mailer).messages().stream()
                .map(d -> new MessageView(d.at().toString(), d.message().to(), d.message().subject(), d.message().text(),
                        links(d.message().text())))
                .toList();
        model.addAttribute("messages", messages);
        return "dev/mailbox";
    }

    private static List<String> links(String text) {
        Matcher matcher = LINK.matcher(text);
        List<String> links = new java.util.ArrayList<>();
        while (matcher.find()) {
            links.add(matcher.group());
        }
        return links;
    }
}
