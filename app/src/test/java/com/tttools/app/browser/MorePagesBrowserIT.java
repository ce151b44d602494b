package com.tttools.app.browser;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.support.Browser;
import com.tttools.app.support.BrowserTest;
import com.tttools.app.support.PageChecks;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages of the journeys that {@code WorkspaceJourneyBrowserIT} does not reach in the state that matters, each
 * checked at 1440 and 390 px ({@link PageChecks}: axe-core, no sideways scroll): the home with a recent alert and
 * its approvals panel, the report's controls, exchange rates, alerts, deliveries, the account page with its
 * security events, Telegram linking, the audit log with names, automatic actors and a filter answered with an
 * error, the organization data page empty and with a ready export; and the signed-out pages (landing, log in with a failed attempt, sign up, forgotten password, a bad
 * verification and reset link, privacy, terms).
 */
class MorePagesBrowserIT extends BrowserTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;

    @Test
    void theSignedInPagesPassAxeAtBothWidthsAndFitAPhone() {
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
        // the audit log shows a person by name and an automatic actor in words
        auditLog.record(new AuditEntry("connection.status_changed", Actor.system("job:tiktok-connection-health"),
                "connection", UUID.randomUUID().toString(), OrganizationId.of(org), new WorkspaceId(UUID.fromString(ws)),
                null, Map.of("from", "ACTIVE", "to", "NEEDS_REAUTH"), null));

        driver.get(url("/favicon.svg"));
        driver.manage().addCookie(new Cookie.Builder("SESSION", owner.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
        PageChecks checks = new PageChecks();
        String home = "/workspaces/" + ws;

        open(home);
        Browser.waitFor(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("recent-alerts")).isEmpty());
        assertThat(driver.findElement(By.id("pending-approvals")).getText())
                .contains("No change set is waiting for your approval.");
        assertThat(driver.findElement(By.id("recent-alerts")).getText()).contains("A campaign with a very long name");
        checks.atBothWidths(driver, "home with a recent alert");

        for (String page : List.of(home + "/reports", home + "/reports?status=NOT_A_STATUS",
                home + "/settings/exchange-rates", home + "/alerts", home + "/deliveries", "/account",
                "/account/telegram", "/organizations/" + org)) {
            open(page);
            checks.atBothWidths(driver, page);
        }
        assertThat(driver.getPageSource()).as("the organization page offers the invite form").contains("invite-email");

        // the workspace settings in words: the viewer's role, and a members table that says why it is empty
        open(home + "/settings");
        assertThat(driver.findElement(By.id("my-workspace-role")).getText()).isEqualTo("Admin");
        assertThat(driver.findElement(By.id("workspace-members-empty")).getText()).contains("No one");
        checks.atBothWidths(driver, "workspace settings");

        // radio buttons and checkboxes sit beside their words, not above them; a label with a timezone reads as one line
        open(home + "/bulk-policy");
        assertBeside(By.cssSelector("#policy-form input[value=ALWAYS]"));
        assertBeside(By.cssSelector("#policy-form input[name=blackoutHours][value='9']"));
        checks.atBothWidths(driver, "bulk change policy");
        open(home + "/alerts");
        assertBeside(By.cssSelector("input[name=channels][value=EMAIL]"));
        assertThat(driver.findElement(By.name("quietFrom")).findElement(By.xpath("..")).getText())
                .matches("(?s)Quiet from \\([^\\n)]+\\).*");
        assertThat(driver.findElement(By.name("cooldownMinutes")).getCssValue("font-weight"))
                .as("a field's value is not bold like its label").isEqualTo("400");

        open("/organizations/" + org + "/audit");
        assertThat(driver.findElement(By.id("audit-events")).getText())
                .contains("Connection health check (automatic)").contains("Test phone-owner").doesNotContain("job:");
        checks.atBothWidths(driver, "audit log with names and an automatic actor");
        open("/organizations/" + org + "/audit?actor=nobody&from=yesterday");
        assertThat(driver.findElement(By.id("actor-error")).getText()).isNotBlank();
        checks.atBothWidths(driver, "audit log with filter errors");

        // the organization data page, linked for the owner: empty, then an export followed by htmx until its
        // download link shows, its times in the browser's own timezone (also after the polling swapped the line)
        open("/organizations/" + org);
        driver.findElement(By.id("organization-data")).click();
        assertThat(driver.findElement(By.id("no-exports")).getText()).contains("No exports yet");
        checks.atBothWidths(driver, "organization data without exports");
        driver.findElement(By.id("request-export")).click();
        assertThat(Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> d.findElements(By.cssSelector(".notice"))
                .stream().findFirst().orElse(null)).getText()).contains("being prepared");
        Browser.waitFor(driver, Duration.ofSeconds(40)).until(d -> !d.findElements(
                By.cssSelector("#export-list a.export-download")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#export-list li")).getText()).contains("Ready")
                .doesNotContain("(UTC)");
        checks.atBothWidths(driver, "organization data with a ready export");

        checks.assertNone();
    }

    @Test
    void theSignedOutPagesPassAxeAtBothWidthsAndFitAPhone() {
        PageChecks checks = new PageChecks();
        for (String page : List.of("/", "/signup", "/forgot-password", "/privacy", "/terms",
                "/verify-email?token=not-a-token", "/reset-password?token=not-a-token")) {
            open(page);
            checks.atBothWidths(driver, page);
        }
        // a failed sign-in: the error next to the form
        open("/login");
        driver.findElement(By.name("email")).sendKeys(Users.uniqueEmail("nobody"));
        driver.findElement(By.name("password")).sendKeys("not the password");
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.waitFor(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector("[role=alert], .field-error, .error")).isEmpty());
        checks.atBothWidths(driver, "log in after a failed attempt");
        checks.assertNone();
    }

    /** The choice's label is one line high at both widths: the box beside its words. */
    private void assertBeside(By choice) {
        for (var size : List.of(PageChecks.DESKTOP, PageChecks.PHONE)) {
            driver.manage().window().setSize(size);
            var label = driver.findElement(choice).findElement(By.xpath(".."));
            assertThat(label.getTagName()).isEqualTo("label");
            assertThat(label.getRect().getHeight()).as("height of the label of %s at %s", choice, size).isLessThan(32);
        }
        driver.manage().window().setSize(PageChecks.DESKTOP);
    }

    private void open(String page) {
        driver.manage().window().setSize(PageChecks.DESKTOP);
        driver.get(url(page));
    }
}
