package com.tttools.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.Browser;
import com.tttools.app.support.BrowserTest;
import com.tttools.app.support.Users;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The "Your data" page in a real browser: prepare an export (the status follows by htmx polling until the download
 * link appears, which serves a ZIP), then delete the account (a wrong password is shown next to the field), land
 * on the sign-in page with the deletion notice, and sign in again to restore the account.
 */
class PrivacyBrowserIT extends BrowserTest {

    @Autowired
    RateLimiter limiter;

    @Test
    void exportWithProgressThenDeleteAndRestoreByLoggingIn() {
        String email = Users.uniqueEmail("privacy-browser");
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        driver.get(url("/signup"));
        driver.findElement(By.name("name")).sendKeys("Dana Data");
        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(Users.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForPath("/onboarding");

        driver.findElement(By.cssSelector("#account-menu summary")).click();   // the account menu under the name
        driver.findElement(By.linkText("Your data")).click();
        waitForPath("/account/data");
        assertThat(driver.findElements(By.cssSelector("#export-list li"))).isEmpty();
        driver.findElement(By.id("request-export")).click();
        assertThat(waitFor(By.cssSelector("#export-list li")).getText()).containsAnyOf("Waiting to start",
                "Collecting your data", "Ready");
        WebElement link = Browser.waitFor(driver, Duration.ofSeconds(30))
                .until(d -> d.findElements(By.cssSelector("#export-list a.export-download")).stream().findFirst()
                        .orElse(null));
        assertThat(driver.findElement(By.cssSelector("#export-list li")).getText()).contains("Ready");
        Object fetched = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => done(r.status + ' ' + r.headers.get('content-type')))", link.getAttribute("href"));
        assertThat(fetched).isEqualTo("200 application/zip");

        // a wrong password: the message stands next to the field, nothing happens
        driver.findElement(By.cssSelector("#delete-form input[name=password]")).sendKeys("not my password at all");
        driver.findElement(By.id("delete-account-button")).click();
        assertThat(waitFor(By.id("password-error")).getText()).contains("is not your current password");
        assertThat(driver.findElement(By.cssSelector("#delete-form input[name=password]")).getAttribute("aria-invalid"))
                .isEqualTo("true");

        driver.findElement(By.cssSelector("#delete-form input[name=password]")).sendKeys(Users.PASSWORD);
        driver.findElement(By.id("delete-account-button")).click();
        waitForPath("/login");
        assertThat(waitFor(By.id("deleted-notice")).getText()).contains("scheduled for deletion");
        driver.get(url("/account/data"));
        waitForPath("/login");   // signed out everywhere

        driver.findElement(By.name("email")).sendKeys(email);
        driver.findElement(By.name("password")).sendKeys(Users.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        waitForPath("/account/data");
        assertThat(waitFor(By.id("restored-notice")).getText()).contains("your account is restored");
        // the one failed load is the refused form (answered 422 on purpose)
        assertThat(Browser.consoleErrors(driver)).allMatch(e -> e.contains("/account/data/delete") && e.contains("422"));
    }

    private WebElement waitFor(By by) {
        return Browser.waitFor(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    private void waitForPath(String path) {
        Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(path));
    }
}
