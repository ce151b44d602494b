package com.tttools.app.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.server.ResponseStatusException;

/** The dev mailbox shows a signed-in user their own mail only, unless TTTOOLS_DEV_MAILBOX_ALL opens it all. */
class DevMailboxControllerTest {

    private final DevMailbox mailbox = new DevMailbox(Clock.systemUTC());

    @BeforeEach
    void mail() {
        mailbox.send(new MailMessage("ada@example.com", "Reset your password", "http://localhost/reset-password?token=ada", ""));
        mailbox.send(new MailMessage("bob@example.com", "Reset your password", "http://localhost/reset-password?token=bob", ""));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPageAndSeeNoMail() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller(Optional.empty(), false).mailbox(model)).isEqualTo("redirect:/login");
        assertThat(model).doesNotContainKey("messages");
    }

    @Test
    void aSignedInUserSeesOnlyTheirOwnMail() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller(Optional.of("ADA@example.com"), false).mailbox(model)).isEqualTo("dev/mailbox");
        assertThat(recipients(model)).containsExactly("ada@example.com");
    }

    @Test
    void theDevFlagShowsEveryMessageToAnyone() {
        ExtendedModelMap model = new ExtendedModelMap();
        assertThat(controller(Optional.empty(), true).mailbox(model)).isEqualTo("dev/mailbox");
        assertThat(recipients(model)).containsExactly("bob@example.com", "ada@example.com");
    }

    @Test
    void withoutTheEmbeddedDefaultsThereIsNoMailbox() {
        DevMailboxController disabled = new DevMailboxController(mailbox, false, true, owner(Optional.of("ada@example.com")));
        assertThatThrownBy(() -> disabled.mailbox(new ExtendedModelMap())).isInstanceOf(ResponseStatusException.class)
                .hasMessageContaining("404");
    }

    private DevMailboxController controller(Optional<String> signedIn, boolean showAll) {
        return new DevMailboxController(mailbox, true, showAll, owner(signedIn));
    }

    private static org.springframework.beans.factory.ObjectProvider<MailboxOwner> owner(Optional<String> email) {
        MailboxOwner owner = () -> email;
        return new StaticListableBeanFactory(Map.of("owner", owner)).getBeanProvider(MailboxOwner.class);
    }

    @SuppressWarnings("unchecked")
    private static List<String> recipients(ExtendedModelMap model) {
        return ((List<DevMailboxController.MessageView>) model.get("messages")).stream()
                .map(DevMailboxController.MessageView::to).toList();
    }
}
