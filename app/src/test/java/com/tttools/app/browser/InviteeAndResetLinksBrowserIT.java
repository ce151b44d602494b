package com.tttools.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Browser;
import com.tttools.app.support.BrowserTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Point 8 of the product issue, walked in Chromium: an invitee who follows the header's "Sign up" keeps the
 * invitation through signing up and confirming the address, and joins; the reset e-mail's button reads "Choose a
 * new password"; a reset link used once shows an "already used" page instead of the form.
 */
class InviteeAndResetLinksBrowserIT extends BrowserTest {

    private static final Pattern ANCHOR = Pattern.compile("<a\\b[^>]*>(.*?)</a>", Pattern.DOTALL);

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Test
    void theInviteeKeepsTheInvitationThroughSignUpAndAUsedResetLinkSaysSo() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("links-owner");
        String org = tenants.createOrganization(owner, "Links Agency");
        String invitee = Users.uniqueEmail("links-invitee");
        String token = tenants.invite(owner, org, invitee, "MEMBER", List.of());
        String invitation = "/invitations/" + token;
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");

        driver.get(url(invitation));
        driver.findElement(By.cssSelector(".account-nav a.button")).click();   // the header's "Sign up"
        assertThat(driver.getCurrentUrl()).contains("/signup?next=" + invitation);
        driver.findElement(By.name("name")).sendKeys("Ina Invitee");
        driver.findElement(By.name("email")).sendKeys(invitee);
        driver.findElement(By.name("password")).sendKeys(Users.PASSWORD);
        driver.findElement(By.cssSelector("form[action='/signup'] button[type=submit]")).click();
        awaitUrlEndingWith(invitation);
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Links Agency");

        // accepting waits for a confirmed address; the confirmation leads back to the invitation
        driver.findElement(By.id("accept-invitation")).click();
        awaitPageWith("Confirm your email address first");
        assertThat(driver.getCurrentUrl()).endsWith(invitation);
        String verify = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, invitee, "Confirm your TTtools email"));
        driver.get(url("/verify-email?token=" + verify));
        driver.findElement(By.cssSelector("form[action='/verify-email'] button")).click();
        awaitPageWith("Your email address is confirmed.");
        driver.findElement(By.id("continue-after-verify")).click();
        awaitUrlEndingWith(invitation);
        driver.findElement(By.id("accept-invitation")).click();
        awaitUrlEndingWith("/organizations/" + org);
        assertThat(driver.getPageSource()).contains("you joined the organization");

        // the reset mail's button, then the link used twice
        new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("email", invitee));
        MailMessage mail = Mailbox.latestTo((DevMailbox) mailer, invitee, "Reset your TTtools password");
        List<String> buttons = new ArrayList<>();
        Matcher anchor = ANCHOR.matcher(mail.html());
        while (anchor.find()) {
            buttons.add(anchor.group(1).strip());
        }
        assertThat(buttons).containsExactly("Choose a new password");
        String reset = Mailbox.tokenIn(mail);
        driver.get(url("/reset-password?token=" + reset));
        driver.findElement(By.name("newPassword")).sendKeys("a brand new passphrase 77");
        driver.findElement(By.cssSelector("form[action='/reset-password'] button")).click();
        awaitPageWith("Your password is changed");

        driver.get(url("/reset-password?token=" + reset));
        assertThat(driver.findElements(By.name("newPassword"))).as("no form for a used link").isEmpty();
        assertThat(driver.findElement(By.id("reset-link-unusable")).getText()).contains("This link was already used.");
        assertThat(driver.findElement(By.id("request-new-link")).getAttribute("href")).endsWith("/forgot-password");
    }

    /** A click starts a navigation; the next page is read once it has arrived, not the one the click left. */
    private void awaitPageWith(String text) {
        Browser.waitFor(driver, Duration.ofSeconds(20)).until(d -> d.getPageSource().contains(text));
    }

    private void awaitUrlEndingWith(String suffix) {
        Browser.waitFor(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(suffix));
    }
}
