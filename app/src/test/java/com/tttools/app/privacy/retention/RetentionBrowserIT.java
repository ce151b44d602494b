package com.tttools.app.privacy.retention;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.Browser;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** On a 390 px wide phone: an owner goes from the organization settings to Data retention and saves a value. */
class RetentionBrowserIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    ChromeDriver browser;

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOwnerOpensDataRetentionFromTheSettingsAndSavesReportingDays() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("retention-browser");
        String orgId = tenants.createOrganization(owner, "Phone Agency");
        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/favicon.svg"));
        browser.manage().addCookie(new Cookie.Builder("SESSION", owner.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());

        browser.get(url("/organizations/" + orgId));
        browser.findElement(By.id("data-retention")).click();
        wait(browser).until(d -> d.findElement(By.tagName("h1")).getText().equals("Data retention"));
        assertThat(browser.findElement(By.id("retention-jobs")).getText()).contains("Background jobs")
                .contains("90 days");
        assertThat(browser.findElement(By.id("retention-accounts")).getText()).contains("Until deleted");
        var days = browser.findElement(By.id("days-report_facts"));
        assertThat(days.isDisplayed()).isTrue();
        days.clear();
        days.sendKeys("400");
        browser.findElement(By.id("save-retention")).click();

        wait(browser).until(d -> d.findElement(By.cssSelector(".notice")).getText().contains("Retention saved"));
        assertThat(browser.findElement(By.id("days-report_facts")).getAttribute("value")).isEqualTo("400");
        // the page's own content fits the phone (the table scrolls inside its box); the shared header is not ours
        Object widest = browser.executeScript("""
                return Math.max(...Array.from(document.querySelectorAll('main section.page > *, .table-scroll'))
                    .map(e => Math.ceil(e.getBoundingClientRect().right)))""");
        assertThat(((Number) widest).intValue()).isLessThanOrEqualTo(390);
        assertThat(Browser.consoleErrors(browser)).allMatch(m -> m.contains("/favicon.ico"));
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(10));
    }
}
