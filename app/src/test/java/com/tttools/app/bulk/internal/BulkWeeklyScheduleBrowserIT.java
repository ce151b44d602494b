package com.tttools.app.bulk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.bulk.BulkOperations;
import com.tttools.app.bulk.BulkPolicy;
import com.tttools.app.bulk.ChangeSetStatus;
import com.tttools.app.bulk.ChangeSetView;
import com.tttools.app.bulk.LineStatus;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Browser;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Tenants;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * On a phone-sized window (390 × 844) and with the keyboard: an operator plans a weekly pause on the new-change-set
 * form, is told next to the fields what is missing, fixes it, and sees the schedule on the change set. Then the
 * change-set clock, driven with chosen instants, runs it on its Friday slot and on the next one a week later: each
 * run pauses the ads at the simulator and the change set returns to SCHEDULED with its next slot.
 */
class BulkWeeklyScheduleBrowserIT extends SimulatedWorkspaceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    BulkOperations bulk;
    @Autowired
    ChangeSetClock changeSets;
    @Autowired
    JdbcClient jdbc;

    ChromeDriver browser;
    String token;
    String advertiser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWeeklyPausePlannedOnThePhoneRunsOnItsSlotAndAgainAWeekLater() {
        Tenants tenants = tenants();
        Tenants.User owner = tenants.verifiedUser("weekly");
        String org = tenants.createOrganization(owner, "Weekly Org");
        String wsId = tenants.createWorkspace(owner, org, "Weekly Brand");
        WorkspaceId ws = WorkspaceId.of(wsId);
        List<String> ads = twoEnabledAdsInTheInventory(ws);
        bulk.updatePolicy(new BulkOperations.Caller(new UserId(UUID.fromString(owner.id())), owner.email(),
                RequestMetadata.none()), ws, new BulkPolicy("NEVER", null, null));

        browser = Browser.start();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/favicon.svg"));
        browser.manage().addCookie(new Cookie.Builder("SESSION", owner.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
        browser.get(url("/workspaces/" + wsId + "/bulk-operations/new?level=AD"));
        assertNoSidewaysScroll("the new-change-set form");

        // with the keyboard: tick the two ads, choose "every week", a timezone that does not exist, no day
        for (String ad : ads) {
            browser.findElement(By.id("pick-" + ad)).sendKeys(Keys.SPACE);
        }
        browser.findElement(By.id("when-weekly")).sendKeys(Keys.SPACE);
        WebElement zone = browser.findElement(By.id("schedule-timezone"));
        zone.sendKeys("Mars/Olympus");
        browser.findElement(By.id("plan-preview")).sendKeys(Keys.ENTER);
        Browser.waitFor(browser, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("schedule-days-error")).isEmpty());

        assertThat(browser.findElement(By.id("schedule-days-error")).getText()).isEqualTo("Choose at least one day.");
        assertThat(browser.findElement(By.id("schedule-time-error")).getText()).startsWith("Give the time of day");
        assertThat(browser.findElement(By.id("schedule-timezone-error")).getText()).startsWith("Not a timezone");
        assertThat(browser.findElement(By.id("schedule-timezone")).getAttribute("aria-describedby"))
                .isEqualTo("schedule-timezone-error");
        assertThat(browser.findElement(By.id("when-weekly")).isSelected()).as("the choice is kept").isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM bulk_change_sets WHERE workspace_id = :ws")
                .param("ws", ws.value()).query(Long.class).single()).as("nothing planned").isZero();
        assertNoSidewaysScroll("the form with its messages");

        // fix it: Friday, 23:00, Berlin (the ads are ticked again: the form keeps only what it was sent)
        for (String ad : ads) {
            WebElement box = browser.findElement(By.id("pick-" + ad));
            if (!box.isSelected()) {
                box.sendKeys(Keys.SPACE);
            }
        }
        browser.findElement(By.id("day-FRIDAY")).sendKeys(Keys.SPACE);
        browser.executeScript("arguments[0].value = '23:00'", browser.findElement(By.id("schedule-time")));
        zone = browser.findElement(By.id("schedule-timezone"));
        zone.clear();
        zone.sendKeys("Europe/Berlin");
        browser.findElement(By.id("plan-preview")).sendKeys(Keys.ENTER);
        Browser.waitFor(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("cs-schedule")).isEmpty());

        assertThat(browser.findElement(By.id("cs-status")).getText()).isEqualTo("Scheduled");
        assertThat(browser.findElement(By.id("cs-schedule")).getText())
                .contains("every Friday at 23:00 (Europe/Berlin)").contains("next run");
        assertNoSidewaysScroll("the scheduled change set");
        String id = browser.getCurrentUrl().substring(browser.getCurrentUrl().lastIndexOf('/') + 1);

        ChangeSetView scheduled = bulk.find(ws, id).orElseThrow();
        Instant slot = scheduled.nextRunAt();
        ZonedDateTime local = slot.atZone(BERLIN);
        assertThat(local.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(23, 0));

        // the clock, at chosen instants: not before the slot, then the run; a week later the next one
        assertThat(changeSets.startDue(slot.minusSeconds(1))).isZero();
        runAt(ws, id, slot, local.plusWeeks(1).toInstant());
        assertThat(statuses(ads).values()).containsOnly("DISABLE");

        setStatus(ads, "ENABLE");   // re-enabled during the week, as the Monday half of dayparting would
        runAt(ws, id, local.plusWeeks(1).toInstant(), local.plusWeeks(2).toInstant());
        assertThat(statuses(ads).values()).containsOnly("DISABLE");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM audit_events WHERE action = 'bulk_operation.applied' AND target_id = :id""")
                    .param("id", id).query(Long.class).single()).as("one audit row per run").isEqualTo(2);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM notifications WHERE user_id = :user AND event_type = 'bulk.finished'""")
                    .param("user", UUID.fromString(owner.id())).query(Long.class).single())
                    .as("one notification per run").isEqualTo(2);
        });
    }

    /** Starts the run due at {@code slot} and waits until the change set is back to SCHEDULED at {@code next}. */
    private void runAt(WorkspaceId ws, String id, Instant slot, Instant next) {
        assertThat(changeSets.startDue(slot)).isEqualTo(1);
        ChangeSetView after = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> bulk.find(ws, id).orElseThrow(), cs -> cs.status() == ChangeSetStatus.SCHEDULED
                        && next.equals(cs.nextRunAt()));
        assertThat(after.lines()).extracting(ChangeSetView.Line::status).containsOnly(LineStatus.VERIFIED);
    }

    private void assertNoSidewaysScroll(String what) {
        long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
        Object wide = browser.executeScript("""
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391)
                    .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className + ' '
                        + Math.round(e.getBoundingClientRect().right)).join(', ');""");
        assertThat(width).as("width of %s at 390 px (too wide: %s)", what, wide).isLessThanOrEqualTo(390);
    }

    private List<String> twoEnabledAdsInTheInventory(WorkspaceId ws) {
        advertiser = simulator().advertiserIds().get(4);
        SimulatedConnection connection = connect(ws, List.of(advertiser));
        token = connection.token().value();
        List<JsonNode> enabled = AdsInInventory.enabled(
                tiktok("GET", "/ad/get/?page_size=1000&advertiser_id=" + advertiser, null), "AD_STATUS_DELIVERY_OK"::equals);
        assertThat(enabled).hasSizeGreaterThanOrEqualTo(2);
        return AdsInInventory.store(jdbc, connection, advertiser, enabled.subList(0, 2),
                "{\"operation_status\": \"ENABLE\"}");
    }

    private Map<String, String> statuses(List<String> ids) {
        return new SimulatorApi(port, ApiClient.JSON).adStatuses(token, advertiser, ids);
    }

    private void setStatus(List<String> ids, String status) {
        tiktok("POST", "/ad/status/update/", Map.of("advertiser_id", advertiser, "ad_ids", ids,
                "operation_status", status));
    }

    private JsonNode tiktok(String method, String path, Object body) {
        return new SimulatorApi(port, ApiClient.JSON).marketingOk(token, method, path, body);
    }
}
