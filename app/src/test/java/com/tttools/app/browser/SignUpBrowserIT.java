package com.tttools.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.database.DatabaseServer;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.MailMessage;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.support.Browser;
import com.tttools.app.support.BrowserTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.Users;
import com.tttools.app.identity.mfa.Base32;
import com.tttools.app.identity.mfa.Totp;
import java.net.URI;
import java.time.Instant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new user's first minutes, in a real browser: sign up, confirm the email from the dev mailbox, log out, log in,
 * turn on two-factor sign-in, log out, log in with a code.
 */
class SignUpBrowserIT extends BrowserTest {

    @Autowired
    Mailer mailer;
    @Autowired
    DatabaseServer database;

    @Test
    void signUpVerifyLogInEnableTwoFactorAndLogInWithACode() {
        String email = Users.uniqueEmail("browser");
        driver.get(url("/"));
        driver.findElement(By.linkText("Sign up")).click();
        driver.findElement(By.name("name")).sendKeys("Bea Browser");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(Users.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();

        waitForPath("/onboarding");
        driver.get(url("/account"));
        assertThat(waitFor(By.id("profile")).getText()).contains(email).contains("not verified");

        // the confirmation goes out through the outbox after the sign-up's commit; the dev mailbox page shows it
        // where it exists (the embedded database's defaults; with DATABASE_URL the page is 404 and the link is read
        // from the same mailbox directly)
        MailMessage sent = Mailbox.latestTo((DevMailbox) mailer, email, "Confirm your TTtools email");
        URI link;
        if (database.embedded()) {
            driver.get(url("/dev/mailbox"));
            WebElement mail = driver.findElements(By.cssSelector("article.mail")).stream()
                    .filter(m -> m.findElement(By.className("mail-to")).getText().equals(email))
                    .findFirst().orElseThrow();
            link = URI.create(mail.findElement(By.className("mail-link")).getAttribute("href"));
        } else {
            link = URI.create(java.util.regex.Pattern.compile("https?://\\S+").matcher(sent.text()).results()
                    .map(java.util.regex.MatchResult::group).findFirst().orElseThrow());
        }
        driver.get(url(link.getPath() + "?" + link.getQuery()));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".notice")).getText()).contains("confirmed");

        logOutAndSubmitPassword(email);
        waitForPath("/onboarding");
        driver.get(url("/account"));
        assertThat(waitFor(By.id("profile")).getText()).contains("verified").doesNotContain("not verified");
        assertThat(driver.findElement(By.id("sessions")).getText()).contains("this session");

        // Turn on two-factor sign-in with the key shown under the QR code.
        driver.findElement(By.linkText("Turn on")).click();
        driver.findElement(By.cssSelector("#start button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector("#setup img.qr")).getAttribute("src")).startsWith("data:image/png;base64,");
        byte[] secret = Base32.decode(driver.findElement(By.id("totp-secret")).getText());
        long enrolledStep = Totp.step(Instant.now());
        driver.findElement(By.name("code")).sendKeys(Totp.code(secret, enrolledStep));
        driver.findElement(By.cssSelector("#setup button[type=submit]")).click();
        waitFor(By.cssSelector("#recovery-codes li"));
        assertThat(driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);

        // Log out, log in: the password step leads to the code step.
        logOutAndSubmitPassword(email);
        waitForPath("/login/two-factor");
        // a code of a later step than the one used to turn it on (a used step is refused as a replay), and the
        // current one when the machine was slow enough for a step to pass (one step ahead is accepted, not two behind)
        long loginStep = Math.max(Totp.step(Instant.now()), enrolledStep + 1);
        driver.findElement(By.name("code")).sendKeys(Totp.code(secret, loginStep));
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForPath("/onboarding");
        driver.get(url("/account"));
        assertThat(waitFor(By.id("security")).getText()).contains("Two-factor sign-in: on");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void wrongPasswordShowsOneGenericMessage() {
        driver.get(url("/login"));
        driver.findElement(By.name("email")).sendKeys(Users.uniqueEmail("nobody"));
        driver.findElement(By.name("password")).sendKeys("not the password at all");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        assertThat(waitFor(By.cssSelector(".alert")).getText()).isEqualTo("The email or password is incorrect.");
    }

    private WebElement waitFor(By by) {
        return Browser.waitFor(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private void waitForPath(String path) {
        Browser.waitFor(driver, Duration.ofSeconds(30)).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    /** Logs out through the account menu under the name and submits the password form. */
    private void logOutAndSubmitPassword(String email) {
        driver.findElement(By.cssSelector("#account-menu summary")).click();
        driver.findElement(By.cssSelector("#account-menu .link-button")).click();
        waitForPath("/login");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(Users.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
    }
}
