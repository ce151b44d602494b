package com.tttools.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Browser;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.PageChecks;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In two real browsers: an owner sets up an organization, invites a colleague from the settings page, the
 * colleague opens the link from the dev mailbox and accepts in a second session, and the owner switches
 * workspace from the layout's switcher. (Accounts are created through the API and their session cookies handed
 * to the browsers: sign-up and log-in pages belong to the identity module.)
 */
class InviteColleagueBrowserIT extends IntegrationTest {

    private static final Pattern INVITATION_LINK = Pattern.compile("https?://\\S+/invitations/[A-Za-z0-9_-]+");

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    ChromeDriver owner;
    ChromeDriver colleague;

    @AfterEach
    void closeBrowsers() {
        for (ChromeDriver driver : new ChromeDriver[] {owner, colleague}) {
            if (driver != null) {
                driver.quit();
            }
        }
    }

    @Test
    void ownerInvitesAColleagueWhoAcceptsInASecondBrowserAndTheOwnerSwitchesWorkspace() {
        String ownerEmail = Users.uniqueEmail("browser-owner");
        String colleagueEmail = Users.uniqueEmail("browser-colleague");
        owner = signedInBrowser(verifiedAccount(ownerEmail));

        // onboarding: organization and first workspace
        owner.get(url("/app"));
        wait(owner).until(d -> d.getCurrentUrl().endsWith("/onboarding"));
        owner.findElement(By.id("name")).sendKeys("Browser Agency");
        owner.findElement(By.id("workspaceName")).sendKeys("Brand One");
        new Select(owner.findElement(By.id("timezone"))).selectByValue("Europe/Berlin");
        new Select(owner.findElement(By.id("currency"))).selectByValue("EUR");
        owner.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait(owner).until(d -> d.findElement(By.id("workspace-name")).getText().equals("Brand One"));

        // invite the colleague from the organization settings, with a role in Brand One
        owner.findElement(By.id("organization-settings")).click();
        wait(owner).until(d -> d.findElement(By.id("my-role")).getText().equals("Owner"));
        owner.findElement(By.id("invite-email")).sendKeys(colleagueEmail);
        new Select(owner.findElement(By.id("invite-role"))).selectByValue("MEMBER");
        new Select(owner.findElement(By.id("invite-workspace"))).selectByVisibleText("Brand One");
        new Select(owner.findElement(By.id("invite-workspace-role"))).selectByValue("ANALYST");
        // the address goes in the POST body: neither the form's action nor the page it leads to has it in its URL
        assertThat(owner.findElement(By.id("invite-form")).getDomProperty("method")).isEqualTo("post");
        assertThat(owner.findElement(By.id("invite-form")).getDomProperty("action")).doesNotContain("?");
        owner.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
        wait(owner).until(d -> d.findElement(By.cssSelector(".notice")).getText().contains(colleagueEmail));
        assertThat(owner.getCurrentUrl()).doesNotContain(colleagueEmail).doesNotContain(
                java.net.URLEncoder.encode(colleagueEmail, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(owner.findElement(By.id("invitations")).getText()).contains(colleagueEmail);

        // the colleague opens the link from the email in their own browser session and accepts
        colleague = signedInBrowser(verifiedAccount(colleagueEmail));
        String link = invitationLink(colleagueEmail);
        colleague.get(link.replaceFirst("https?://[^/]+", url("")));
        assertThat(colleague.findElement(By.cssSelector(".invitation-organization")).getText()).isEqualTo("Browser Agency");
        // the invitation page of the journey: axe-core at 1440 and 390 px, no sideways scroll on a phone
        PageChecks checks = new PageChecks().atBothWidths(colleague, "invitation");
        checks.assertNone();
        colleague.findElement(By.id("accept-invitation")).click();
        wait(colleague).until(d -> d.findElement(By.id("my-role")).getText().equals("Member"));
        assertThat(new Select(colleague.findElement(By.id("switch-workspace"))).getFirstSelectedOption().getText())
                .isEqualTo("Brand One");

        // the owner sees the new member, creates a second workspace, then switches back with the switcher
        owner.navigate().refresh();
        assertThat(owner.findElement(By.id("members")).getText()).contains(colleagueEmail);
        owner.get(url(owner.getCurrentUrl().replaceFirst("https?://[^/]+", "") + "/workspaces"));
        owner.findElement(By.id("ws-name")).sendKeys("Brand Two");
        owner.findElement(By.cssSelector("form.stacked button[type=submit]")).click();
        wait(owner).until(d -> d.findElement(By.id("workspace-name")).getText().equals("Brand Two"));
        new Select(owner.findElement(By.id("switch-workspace"))).selectByVisibleText("Brand One");   // switcher.js submits
        wait(owner).until(d -> d.findElement(By.id("workspace-name")).getText().equals("Brand One"));

        // remembered: opening the app again lands in Brand One
        owner.get(url("/app"));
        wait(owner).until(d -> d.findElement(By.id("workspace-name")).getText().equals("Brand One"));
        // no script errors or CSP violations (the only tolerated noise: /favicon.ico asked for by the cookie setup)
        assertThat(Browser.consoleErrors(owner)).allMatch(m -> m.contains("/favicon.ico"));
        assertThat(Browser.consoleErrors(colleague)).allMatch(m -> m.contains("/favicon.ico"));
    }

    private ApiClient verifiedAccount(String email) {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        ApiClient api = Users.signedUp(port, email);
        String token = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Confirm your TTtools email"));
        assertThat(api.post("/api/v1/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
        return api;
    }

    /** A fresh browser carrying the API client's session cookie (as if it had logged in). */
    private ChromeDriver signedInBrowser(ApiClient session) {
        ChromeDriver driver = Browser.start();
        driver.get(url("/favicon.svg"));
        driver.manage().addCookie(new Cookie.Builder("SESSION", session.sessionCookie()).path("/").isHttpOnly(true)
                .sameSite("Lax").build());
        return driver;
    }

    private String invitationLink(String email) {
        var message = Mailbox.latestTo((DevMailbox) mailer, email, "You're invited");
        Matcher matcher = INVITATION_LINK.matcher(message.text());
        assertThat(matcher.find()).as("invitation link in the email").isTrue();
        return matcher.group();
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(10));
    }
}
