package com.tttools.app.bulk;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.Browser;
import com.tttools.app.support.PageChecks;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The change-set pages and the onboarding form at 1440 and 390 px ({@link PageChecks}: axe-core without serious or
 * critical violations, and no sideways scroll at 390 × 844): the home with a change set awaiting the viewer's
 * approval, the change-set list and detail (a planned pause of ads, its lines with long names), and the onboarding
 * form of a signed-up user without an organization.
 */
class PhoneChangeSetBrowserIT extends BulkTestSupport {

    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theChangeSetDetailAndTheOnboardingFormFitAPhone() {
        syncedWorkspace("phone-cs", 1, 1);
        List<String> ads = enabled("ads").stream().limit(3).map(ad -> ad.path("tiktokId").asString()).toList();
        assertThat(ads).hasSize(3);
        String changeSet = expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ads), null), 201)
                .json().path("id").asString();
        Tenants.User newcomer = tenants.verifiedUser("phone-onboarding");

        browser = Browser.start();
        browser.get(url("/favicon.svg"));
        browser.manage().window().setSize(PageChecks.DESKTOP);
        PageChecks checks = new PageChecks();

        signIn(owner);
        browser.get(url("/workspaces/" + ws));
        Browser.waitFor(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("approval-" + changeSet)).isEmpty());
        checks.atBothWidths(browser, "home with a change set awaiting approval");

        browser.get(url("/workspaces/" + ws + "/bulk-operations"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Awaiting approval");
        checks.atBothWidths(browser, "change sets");

        browser.get(url("/workspaces/" + ws + "/bulk-operations/" + changeSet));
        assertThat(browser.findElement(By.id("cs-status")).getText()).isEqualTo("Awaiting approval");
        assertThat(browser.findElement(By.id("cs-lines")).getText()).contains(ads.get(0));
        checks.atBothWidths(browser, "change-set detail");

        signIn(newcomer);
        browser.get(url("/onboarding"));
        assertThat(browser.findElements(By.cssSelector("form input[name=workspaceName]"))).isNotEmpty();
        checks.atBothWidths(browser, "onboarding");
        // a form sent without names (past the browser's own check): the server's errors next to their fields
        browser.executeScript("document.querySelectorAll('main form [required]')"
                + ".forEach(function (e) { e.removeAttribute('required'); });");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.waitFor(browser, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("name-error")).isEmpty());
        checks.atBothWidths(browser, "onboarding with errors");

        checks.assertNone();
    }

    private void signIn(Tenants.User user) {
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie.Builder("SESSION", user.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
    }
}
