package com.tttools.app.browser;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.BrowserTest;
import com.tttools.app.support.Tenants;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * At 390 × 844 the signed-in pages the workspace journey does not walk (exchange rates, Telegram linking) and the
 * pages this branch changed (the home with its approvals and alerts panels, the report's objective control, the
 * account page, the audit log) do not scroll sideways.
 */
class PhonePagesBrowserIT extends BrowserTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theseSignedInPagesFitAPhoneWithoutSidewaysScrolling() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("phone-owner");
        String org = tenants.createOrganization(owner, "Phone Agency");
        String ws = tenants.createWorkspace(owner, org, "Phone Brand");
        String rule = expect(owner.api().post("/api/v1/workspaces/" + ws + "/alert-rules", Map.of("name",
                "Spend above a rather long threshold name for a narrow screen", "kind", "SPEND_TODAY", "level",
                "CAMPAIGN", "threshold", "100", "cooldownMinutes", 60)), 201).json().path("id").asString();
        jdbc.sql("""
                        INSERT INTO alert_firings (id, workspace_id, rule_id, entity_id, entity_name, advertiser_id,
                            dedup_key, value, message, fired_at)
                        VALUES (:id, :ws, :rule, '1800000000000001', :name, '7000000000000000001', 'k', 150,
                            'Spend 150 today', :at)
                        """)
                .param("id", UUID.randomUUID()).param("ws", UUID.fromString(ws)).param("rule", UUID.fromString(rule))
                .param("name", "A campaign with a very long name that keeps going on and on past the screen edge")
                .param("at", Timestamp.from(Instant.now())).update();

        driver.get(url("/favicon.svg"));
        driver.manage().addCookie(new Cookie.Builder("SESSION", owner.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
        driver.manage().window().setSize(new Dimension(390, 844));
        String home = "/workspaces/" + ws;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", home);
        pages.put("reports", home + "/reports");
        pages.put("exchange-rates", home + "/settings/exchange-rates");
        pages.put("alerts", home + "/alerts");
        pages.put("account", "/account");
        pages.put("telegram", "/account/telegram");
        pages.put("audit", "/organizations/" + org + "/audit");
        Map<String, Long> tooWide = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            driver.get(url(page.getValue()));
            assertThat(driver.findElements(By.cssSelector(".error-page"))).as(page.getKey()).isEmpty();
            if (page.getKey().equals("home")) {
                new WebDriverWait(driver, Duration.ofSeconds(30))
                        .until(d -> !d.findElements(By.id("recent-alerts")).isEmpty());
                assertThat(driver.findElement(By.id("pending-approvals")).getText())
                        .contains("No change set is waiting for your approval.");
            }
            long width = ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
            if (width > 390) {
                tooWide.put(page.getKey(), width);
            }
        }
        assertThat(tooWide).as("pages wider than the 390 px screen").isEmpty();
    }
}
