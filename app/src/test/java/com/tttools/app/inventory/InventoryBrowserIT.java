package com.tttools.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.jobs.JobStatus;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.Browser;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** In a real browser: campaign → its ad groups → an ad group's ads → the ad's detail with its TikTok fields. */
class InventoryBrowserIT extends InventoryTestSupport {

    ChromeDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void drillsDownFromACampaignToItsAdGroupsAndAdsAndOpensAnAd() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        User owner = tenants.verifiedUser("inventory-browser");
        String ws = tenants.createWorkspace(owner, tenants.createOrganization(owner, "Browser Inventory"), "Brand");
        assertThat(sync(connect(WorkspaceId.of(ws), advertisers(1))).status()).isEqualTo(JobStatus.SUCCEEDED);
        Map<String, Object> ad = jdbc.sql("""
                        SELECT tiktok_id, name, parent_tiktok_id, campaign_tiktok_id FROM inventory_entities
                        WHERE workspace_id = :ws AND kind = 'AD' ORDER BY tiktok_id LIMIT 1""")
                .param("ws", java.util.UUID.fromString(ws)).query().singleRow();

        browser = Browser.start();
        browser.get(url("/favicon.svg"));
        browser.manage().addCookie(new Cookie.Builder("SESSION", owner.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
        browser.get(url("/workspaces/" + ws + "/inventory/campaigns?q=" + ad.get("campaign_tiktok_id")));
        browser.findElement(By.cssSelector("#inventory-table a.drill")).click();

        wait(browser).until(d -> d.getCurrentUrl().contains("/inventory/ad-groups"));
        WebElement adGroupRow = browser.findElements(By.cssSelector("#inventory-table tbody tr")).stream()
                .filter(row -> row.getText().contains((String) ad.get("parent_tiktok_id"))).findFirst().orElseThrow();
        adGroupRow.findElement(By.cssSelector("a.drill")).click();

        wait(browser).until(d -> d.getCurrentUrl().contains("/inventory/ads"));
        assertThat(browser.findElement(By.id("inventory-table")).getText()).contains((String) ad.get("tiktok_id"));
        browser.findElement(By.linkText((String) ad.get("name"))).click();

        wait(browser).until(d -> d.findElement(By.cssSelector("h1 span")).getText().equals(ad.get("name")));
        assertThat(browser.findElement(By.id("entity-facts")).getText()).contains((String) ad.get("tiktok_id"))
                .contains("Last synced");
        browser.findElement(By.cssSelector("#raw-fields summary")).click();   // the raw fields, for admins
        assertThat(browser.findElement(By.cssSelector("pre.json")).getText()).contains("\"ad_id\"");
        assertThat(Browser.consoleErrors(browser)).allMatch(m -> m.contains("/favicon.ico"));
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(10));
    }
}
