package com.tttools.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.Browser;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser: an operator selects ads on the inventory page and previews a pause, another admin approves
 * and applies it while the progress updates itself, the operator reverts it, the admin approves and applies the
 * revert. The simulator's state is checked after the apply and after the revert.
 */
class BulkBrowserIT extends BulkTestSupport {

    ChromeDriver browser;
    final List<String> picked = new ArrayList<>();
    String advertiser;

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.quit();
        }
        if (!picked.isEmpty()) {
            List<String> paused = simulatorStatus("ad", advertiser, picked).entrySet().stream()
                    .filter(e -> e.getValue().equals("DISABLE")).map(Map.Entry::getKey).toList();
            if (!paused.isEmpty()) {
                simulatorSetStatus("ad", advertiser, paused, "ENABLE");
            }
        }
    }

    @Test
    void selectPreviewApproveWatchProgressAndRevert() {
        syncedWorkspace("bulk-browser", 2, 1);
        advertiser = advertisers.get(0);
        browser = Browser.start();
        browser.get(url("/favicon.svg"));
        signIn(operator);

        // every ad's status in words on the selection page, TikTok's code only in the tooltip
        browser.get(url("/workspaces/" + ws + "/bulk-operations/new?level=AD"));
        List<WebElement> statuses = browser.findElements(By.cssSelector("#select-table tbody td:last-child"));
        assertThat(statuses).isNotEmpty();
        assertThat(statuses).extracting(WebElement::getText).as("statuses in words, also where TikTok's operation"
                + " status is neither ENABLE nor DISABLE").allSatisfy(text -> assertThat(text)
                .doesNotContainPattern("[A-Z]+_[A-Z_]+"));
        assertThat(statuses).allSatisfy(td -> assertThat(td.getAttribute("title")).contains("_STATUS_"));
        // advertisers by name (the TikTok id in the tooltip), the status filter a choice among words
        assertThat(browser.findElements(By.cssSelector("#select-table tbody td:nth-child(3)")))
                .extracting(WebElement::getText).isNotEmpty()
                .allSatisfy(text -> assertThat(text).isNotBlank().doesNotContainPattern("^\\d{10,}$"));
        List<WebElement> statusOptions = browser.findElements(By.cssSelector("#select-status option"));
        assertThat(statusOptions).hasSizeGreaterThan(1);
        assertThat(statusOptions).extracting(WebElement::getText)
                .allSatisfy(text -> assertThat(text).doesNotContainPattern("[A-Z]+_[A-Z_]+"));

        // select three delivering ads on the inventory page and preview pausing them
        browser.get(url("/workspaces/" + ws + "/inventory/ads?status=AD_STATUS_DELIVERY_OK"));
        browser.findElement(By.id("inventory-bulk")).click();
        wait(browser).until(d -> d.getCurrentUrl().contains("/bulk-operations/new"));
        List<WebElement> boxes = browser.findElements(By.cssSelector("#select-table input[name=ids]"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(3);
        for (WebElement box : boxes.subList(0, 3)) {
            box.click();
            picked.add(box.getAttribute("value"));
        }
        browser.findElement(By.id("plan-preview")).click();
        wait(browser).until(d -> d.findElement(By.id("cs-status")).getText().equals("Awaiting approval"));
        String preview = browser.findElement(By.id("cs-lines")).getText();
        assertThat(preview).contains("Active").contains("Paused").contains(picked.get(0));
        assertThat(browser.findElements(By.id("cs-approve"))).as("the author cannot approve").isEmpty();
        String changeSet = browser.getCurrentUrl();
        assertThat(simulatorStatus("ad", advertiser, picked).values()).containsOnly("ENABLE");

        // another admin approves and applies; the progress panel polls until it is done
        signIn(owner);
        browser.get(changeSet);
        browser.findElement(By.name("comment")).sendKeys("Fine by me");
        browser.findElement(By.id("cs-approve")).click();
        wait(browser).until(d -> d.findElement(By.id("cs-status")).getText().equals("Approved"));
        browser.findElement(By.id("cs-apply")).click();
        wait(browser, Duration.ofSeconds(60))
                .until(d -> d.findElement(By.id("cs-status")).getText().equals("Succeeded"));
        assertThat(browser.findElement(By.id("cs-counts")).getText()).contains("3 verified");
        assertThat(simulatorStatus("ad", advertiser, picked).values()).containsOnly("DISABLE");

        // the operator reverts; the admin approves and applies the revert
        signIn(operator);
        browser.get(changeSet);
        browser.findElement(By.id("cs-revert")).click();
        wait(browser).until(d -> d.findElement(By.tagName("h1")).getText().equals("Enable ads"));
        String revert = browser.getCurrentUrl();
        signIn(owner);
        browser.get(revert);
        browser.findElement(By.id("cs-approve")).click();
        wait(browser).until(d -> d.findElement(By.id("cs-status")).getText().equals("Approved"));
        browser.findElement(By.id("cs-apply")).click();
        wait(browser, Duration.ofSeconds(60))
                .until(d -> d.findElement(By.id("cs-status")).getText().equals("Succeeded"));
        assertThat(simulatorStatus("ad", advertiser, picked).values()).containsOnly("ENABLE");
        browser.get(url("/workspaces/" + ws + "/bulk-operations"));
        assertThat(browser.findElement(By.id("bulk-table")).getText()).contains("Pause ads").contains("Enable ads (revert)");
        assertThat(Browser.consoleErrors(browser)).allMatch(m -> m.contains("/favicon.ico"));
    }

    private void signIn(Tenants.User user) {
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie.Builder("SESSION", user.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
    }

    /** htmx swaps the status panel while the page polls, so an element found a moment ago may be gone: retry. */
    private static WebDriverWait wait(ChromeDriver driver) {
        return wait(driver, Duration.ofSeconds(15));
    }

    private static WebDriverWait wait(ChromeDriver driver, Duration timeout) {
        return Browser.waitFor(driver, timeout);
    }
}
