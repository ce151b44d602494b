package com.tttools.app.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.Browser;
import com.tttools.app.support.PageChecks;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bell in a real browser: the unread count arrives by htmx after the page loads, and marking a notification
 * read swaps the bell in place (the page is not reloaded: a marker set on the window survives). A user with no
 * e-mail or Telegram channel still sees the alert this way.
 */
class NotificationBellBrowserIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    Notifications notifications;
    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theBellShowsTheUnreadCountAndMarkingReadUpdatesItWithoutAReload() {
        Tenants.User user = new Tenants(port, (DevMailbox) mailer, limiter).verifiedUser("bell-browser");
        for (String title : List.of("Spend above 100: Campaign 7", "Report sync failed")) {
            notifications.notify(new NotificationRequest("alert.fired", UserId.of(user.id()), null, title,
                    "Details of " + title, null, null, List.of(), Set.of(Channel.IN_APP)));
        }

        browser = Browser.start();
        browser.get(url("/favicon.svg"));
        browser.manage().addCookie(new Cookie.Builder("SESSION", user.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
        browser.get(url("/account"));
        // htmx may swap the bell again at any moment (load, then every minute): every look goes through the wait
        WebDriverWait wait = Browser.waitFor(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.ElementNotInteractableException.class);
        wait.until(d -> d.findElement(By.cssSelector("#notification-bell .bell-count")).getText().equals("2"));
        browser.executeScript("window.bellMarker = 'same page';");
        // the bell is an icon the browser draws (no emoji font needed) and the page with it passes axe-core
        wait.until(d -> {
            var icon = d.findElement(By.cssSelector("#notification-bell summary svg.icon")).getRect();
            return icon.getWidth() >= 16 && icon.getHeight() >= 16;
        });
        assertThat(browser.findElement(By.cssSelector("#notification-bell summary")).getText()).isEqualTo("2");
        PageChecks checks = new PageChecks().atBothWidths(browser, "account page with the bell loaded");
        checks.assertNone();

        browser.findElement(By.cssSelector("#notification-bell summary")).click();   // opens the list
        wait.until(d -> {
            ((ChromeDriver) d).executeScript("document.querySelector('#notification-bell details').open = true;");
            d.findElement(By.cssSelector("#notification-bell li.unread button")).click();
            return true;
        });

        wait.until(d -> d.findElement(By.cssSelector("#notification-bell .bell-count")).getText().equals("1"));
        assertThat(browser.executeScript("return window.bellMarker;")).as("no page reload").isEqualTo("same page");
        assertThat(browser.getCurrentUrl()).endsWith("/account");
        assertThat(user.api().get("/api/v1/me/notifications").json().path("unreadCount").asInt()).isEqualTo(1);
    }
}
