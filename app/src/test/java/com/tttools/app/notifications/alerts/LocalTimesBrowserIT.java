package com.tttools.app.notifications.alerts;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.notifications.Channel;
import com.tttools.app.notifications.NotificationRequest;
import com.tttools.app.notifications.Notifications;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.Browser;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In a real browser whose timezone is Asia/Tokyo: the notifications, alerts and delivery log pages show their times
 * in the viewer's timezone (relative text with the local time as its title, or the local time itself in the log),
 * not in UTC; the delivery log speaks words, not enums; and at 390 px none of the module's pages scrolls sideways.
 */
class LocalTimesBrowserIT extends IntegrationTest {

    static final String TOKYO = "GMT\\+9|JST";
    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    AlertEvaluator evaluator;
    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void notificationAlertAndDeliveryTimesAreInTheViewersTimezone() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("times-owner");
        String org = tenants.createOrganization(owner, "Times org");
        String ws = tenants.createWorkspace(owner, org, "Times ws");
        transaction.executeWithoutResult(s -> notifications.notify(new NotificationRequest("connection.error",
                UserId.of(owner.id()), WorkspaceId.of(ws), "Connection failed", "TikTok answered with an error",
                null, null, List.of(), Set.of(Channel.EMAIL))));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        new AlertFacts(jdbc, UUID.fromString(ws)).advertiser("UTC").campaignDay("901", today, "150", 1000, 10, 1);
        expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", Map.of("name", "Spend", "kind",
                "SPEND_TODAY", "level", "CAMPAIGN", "threshold", "100", "channels", List.of("IN_APP"))), 201);
        evaluator.evaluate(WorkspaceId.of(ws), Instant.now());

        browser = Browser.start();
        browser.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        browser.get(url("/favicon.svg"));
        browser.manage().addCookie(new Cookie.Builder("SESSION", owner.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());

        browser.get(url("/account/notifications"));
        WebElement notified = browser.findElement(By.cssSelector(".notification-list time"));
        assertThat(notified.getText()).isEqualTo("just now");
        assertThat(notified.getAttribute("title")).containsPattern(TOKYO).doesNotContain("UTC");

        browser.get(url("/workspaces/" + ws + "/alerts"));
        WebElement fired = browser.findElement(By.cssSelector("#alert-firings time"));
        assertThat(fired.getText()).matches("just now|\\d+ min ago");
        assertThat(fired.getAttribute("title")).containsPattern(TOKYO);

        browser.get(url("/workspaces/" + ws + "/deliveries"));
        WebElement sent = await().until(() -> browser.findElement(By.cssSelector("#deliveries-table time")), e -> true);
        assertThat(sent.getText()).containsPattern(TOKYO).doesNotContain("UTC");
        assertThat(sent.getAttribute("title")).matches("just now|\\d+ min ago");
        // words, not enums: the channel and the status as a person says them
        WebElement row = browser.findElement(By.cssSelector("#deliveries-table tbody tr"));
        assertThat(row.getText()).contains("E-mail").containsPattern("Waiting|Sent|Delivered|Failed")
                .doesNotContain("EMAIL").doesNotContain("QUEUED").doesNotContain("SENT").doesNotContain("connection.error");
        assertThat(Browser.consoleErrors(browser)).allMatch(m -> m.contains("/favicon.ico"));

        // on a phone (390 px wide) none of the module's pages scrolls sideways
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        for (String page : List.of("/account/notifications", "/account/telegram", "/workspaces/" + ws + "/alerts",
                "/workspaces/" + ws + "/deliveries")) {
            browser.get(url(page));
            long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
            assertThat(width).as("page width of " + page).isLessThanOrEqualTo(390);
        }
    }
}
