package com.tttools.app.platform.mail;

import com.tttools.app.platform.database.DatabaseServer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
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
 * It shows the signed-in user only the mail sent to their own address (anonymous visitors go to the login
 * page): a password-reset link for somebody else is a key to their account. {@code TTTOOLS_DEV_MAILBOX_ALL=true}
 * shows every message to anyone who can reach the page (a local demo on a loopback-only instance).
 */
@Controller
class DevMailboxController {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    record MessageView(String at, String to, String subject, String text, List<String> links) {
    }

    private final Mailer mailer;
    private final boolean enabled;
    private final boolean showAll;
    private final ObjectProvider<MailboxOwner> owner;

    @Autowired
    DevMailboxController(Mailer mailer, DatabaseServer database, Environment environment, MailProperties properties,
            ObjectProvider<MailboxOwner> owner) {
        this(mailer, mailer instanceof DevMailbox && database.embedded()
                && !environment.acceptsProfiles(Profiles.of("prod")), properties.devMailboxAll(), owner);
    }

    DevMailboxController(Mailer mailer, boolean enabled, boolean showAll, ObjectProvider<MailboxOwner> owner) {
        this.mailer = mailer;
        this.enabled = enabled;
        this.showAll = showAll;
        this.owner = owner;
    }

    @GetMapping("/dev/mailbox")
    String mailbox(Model model) {
        if (!enabled) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<String> reader = Optional.ofNullable(owner.getIfAvailable()).flatMap(MailboxOwner::currentEmail);
        if (!showAll && reader.isEmpty()) {
            return "redirect:/login";
        }
        List<MessageView> messages = ((DevMailbox) mailer).messages().stream()
                .filter(d -> showAll || d.message().to().equalsIgnoreCase(reader.get()))
                .map(d -> new MessageView(d.at().toString(), d.message().to(), d.message().subject(), d.message().text(),
                        links(d.message().text())))
                .toList();
        model.addAttribute("messages", messages);
        model.addAttribute("showAll", showAll);
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
