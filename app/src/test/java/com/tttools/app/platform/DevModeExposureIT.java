package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.platform.mail.MailboxOwner;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The running app in simulator mode (the test setup): it listens on loopback only, and the dev mailbox learns
 * whose mail it may show from the signed-in user.
 */
class DevModeExposureIT extends IntegrationTest {

    @Autowired
    Environment environment;

    @Autowired
    MailboxOwner mailboxOwner;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void simulatorModeListensOnLoopbackOnly() {
        assertThat(environment.getProperty("server.address")).isEqualTo("127.0.0.1");
    }

    @Test
    void theMailboxOwnerIsTheSignedInUser() {
        assertThat(mailboxOwner.currentEmail()).isEmpty();
        var user = new AuthenticatedUser(new UserId(UUID.randomUUID()), "owner@example.com", "Owner", false);
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
        assertThat(mailboxOwner.currentEmail()).contains("owner@example.com");
    }
}
