package com.tttools.app.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The mails' HTML buttons read as their words and lead to the link (issue: the reset mail's button was reported
 * to read " your password stays as it is.:Choose a new password"), and the text part carries the same link.
 */
class MailTemplatesTest {

    private static final Pattern ANCHOR = Pattern.compile("<a\\b([^>]*)>(.*?)</a>", Pattern.DOTALL);
    private static final String LINK = "https://tttools.example/reset-password?token=abc_DEF-123";

    private final MailTemplates templates = new MailTemplates();

    @Test
    void thePasswordResetMailsButtonReadsChooseANewPasswordAndOpensTheLink() {
        MailMessage mail = templates.render("reset-password", "ada@example.com", "Reset your TTtools password",
                Map.of("name", "Ada: the tester", "link", LINK));

        assertThat(anchors(mail.html())).containsExactly(new Anchor(LINK, "Choose a new password"));
        assertThat(mail.html()).contains("ignore this email: your password stays as it is.</p>")
                .contains("Hello <span>Ada: the tester</span>,");
        assertThat(mail.text()).contains(LINK).contains("Hello Ada: the tester,").doesNotContain("<");
        assertThat(mail.subject()).isEqualTo("Reset your TTtools password");
    }

    @Test
    void theVerificationMailsButtonReadsConfirmMyEmail() {
        MailMessage mail = templates.render("verify-email", "ada@example.com", "Confirm your TTtools email",
                Map.of("name", "Ada", "link", LINK));

        assertThat(anchors(mail.html())).containsExactly(new Anchor(LINK, "Confirm my email"));
        assertThat(mail.text()).contains(LINK);
    }

    record Anchor(String href, String text) {
    }

    private static List<Anchor> anchors(String html) {
        Matcher m = ANCHOR.matcher(html);
        List<Anchor> found = new java.util.ArrayList<>();
        while (m.find()) {
            Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(m.group(1));
            found.add(new Anchor(href.find() ? href.group(1).replace("&amp;", "&") : null, m.group(2).strip()));
        }
        return found;
    }
}
