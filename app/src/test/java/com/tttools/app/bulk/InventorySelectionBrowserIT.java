package com.tttools.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.Browser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In a real browser, from the inventory list itself: an operator ticks rows with the keyboard, chooses an action
 * and reaches the bulk plan's preview; "select all matching the filter" plans every matching entity; the header
 * checkbox ticks the page. Nothing is applied, so TikTok (the simulator) is left as it was.
 */
class InventorySelectionBrowserIT extends BulkTestSupport {

    ChromeDriver browser;

    @AfterEach
    void cleanUp() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorSelectsRowsOnTheAdsListWithTheKeyboardAndReachesThePlanPreview() {
        syncedWorkspace("inv-select", 3, 1);
        browser = Browser.start();
        browser.get(url("/favicon.svg"));
        browser.manage().addCookie(new Cookie.Builder("SESSION", operator.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
        String list = url("/workspaces/" + ws + "/inventory/ads?status=AD_STATUS_DELIVERY_OK");
        browser.get(list);

        List<WebElement> boxes = browser.findElements(By.cssSelector("#inventory-table input.row-pick"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(3);
        List<String> picked = new ArrayList<>();
        for (WebElement box : boxes.subList(0, 2)) {
            box.sendKeys(Keys.SPACE);   // a native checkbox: reachable with Tab, ticked with the space bar
            picked.add(box.getAttribute("value"));
        }
        assertThat(boxes.get(0).isSelected()).isTrue();
        screenshot("inventory-ads-selection");
        new Select(browser.findElement(By.id("bulk-action"))).selectByValue("PAUSE");
        browser.findElement(By.id("bulk-plan")).sendKeys(Keys.ENTER);
        wait(browser).until(d -> d.findElement(By.id("cs-status")).getText().equals("Awaiting approval"));
        String preview = browser.findElement(By.id("cs-lines")).getText();
        assertThat(preview).contains(picked.get(0)).contains(picked.get(1));
        assertThat(browser.findElements(By.cssSelector("#cs-lines tbody tr"))).hasSize(2);

        // the header checkbox ticks every row of the page
        browser.get(list);
        browser.findElement(By.id("select-page")).sendKeys(Keys.SPACE);
        assertThat(browser.findElements(By.cssSelector("#inventory-table input.row-pick")))
                .allMatch(WebElement::isSelected);

        // "select all matching": the plan takes the list's filter, so every matching ad is in it
        browser.get(list);
        String total = browser.findElement(By.cssSelector("#select-all-matching + strong")).getText();
        browser.findElement(By.id("select-all-matching")).sendKeys(Keys.SPACE);
        assertThat(browser.findElements(By.cssSelector("#inventory-table input.row-pick")))
                .allMatch(box -> !box.isEnabled());
        browser.findElement(By.id("bulk-plan")).click();
        wait(browser).until(d -> d.findElement(By.id("cs-status")).getText().equals("Awaiting approval"));
        // the preview counts every line and shows them a page (100) at a time
        int matching = Integer.parseInt(total.replace(",", ""));
        assertThat(browser.findElement(By.id("cs-counts")).getText()).startsWith(matching + " lines");
        assertThat(browser.findElements(By.cssSelector("#cs-lines tbody tr"))).hasSize(Math.min(matching, 100));
        assertThat(Browser.consoleErrors(browser)).allMatch(m -> m.contains("/favicon.ico"));
    }

    /** A test artefact in target/screenshots/ (the list with its delivery columns and ticked rows). */
    private void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name + ".png"),
                    browser.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(20));
    }
}
