package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An invitee who signs up or logs in from the invitation page (its own links or the header's) comes back to it. */
class InvitationSignUpIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @BeforeEach
    @AfterEach
    void forgetSignUps() {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void theHeadersSignUpAndLogInLinksCarryTheInvitationAndSignUpLandsBackOnIt() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("invite-next-owner");
        String organization = tenants.createOrganization(owner, "Continue Agency");
        String invitee = Users.uniqueEmail("invite-next");
        String token = tenants.invite(owner, organization, invitee, "MEMBER", List.of());
        String invitation = "/invitations/" + token;

        ApiClient anonymous = new ApiClient(port);
        String page = Tenants.expect(anonymous.get(invitation), 200).body();
        String header = page.substring(page.indexOf("class=\"account-nav\""), page.indexOf("</header>"));
        assertThat(header).contains("href=\"/signup?next=" + invitation + "\"")
                .contains("href=\"/login?next=" + invitation + "\"");

        assertThat(anonymous.get("/signup?next=" + invitation).body())
                .contains("name=\"next\" value=\"" + invitation + "\"");
        ApiClient.Response signedUp = anonymous.postForm("/signup", "name=Invitee&email="
                + URLEncoder.encode(invitee, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Users.PASSWORD, StandardCharsets.UTF_8) + "&next=" + invitation, true);
        assertThat(signedUp.status()).isEqualTo(302);
        assertThat(signedUp.header("Location").orElseThrow()).endsWith(invitation);
        assertThat(anonymous.get(invitation).body()).contains("Continue Agency").contains("Signed in as");

        // any other page's header links stay plain
        String landing = new ApiClient(port).get("/login").body();
        assertThat(landing).contains("href=\"/signup\"").doesNotContain("next=/invitations");
    }
}
