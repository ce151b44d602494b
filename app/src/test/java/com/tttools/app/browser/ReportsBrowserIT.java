package com.tttools.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.Browser;
import com.tttools.app.support.PageChecks;
import com.tttools.app.support.SimulatedWorkspaceTest;
import com.tttools.app.support.Users;
import com.tttools.app.tiktok.client.MarketingApi;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The reporting page in a real browser: the chart is drawn, the totals equal the API's, a campaign drills down to
 * its ad groups, and the view can be saved and reopened; each state passes axe-core at 1440 and 390 px.
 */
class ReportsBrowserIT extends SimulatedWorkspaceTest {

    @Autowired
    MarketingApi api;

    ChromeDriver driver;

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }

    /**
     * The drawn chart fills the width of its panel (less the panel's padding) and is at least 240 px high: readable
     * on a phone; {@code viewport} only names the case in the message.
     */
    static void assertChartReadable(ChromeDriver driver, int viewport) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> size = (java.util.List<Number>) driver.executeScript("""
                var canvas = document.getElementById('report-chart');
                var panel = canvas.closest('.panel');
                var style = getComputedStyle(panel);
                var inner = panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                var r = canvas.getBoundingClientRect();
                return [r.width, r.height, inner];""");
        double width = size.get(0).doubleValue();
        double height = size.get(1).doubleValue();
        double inner = size.get(2).doubleValue();
        assertThat(width).as("chart width at %d px (panel %s px)", viewport, inner).isGreaterThanOrEqualTo(inner - 2)
                .isGreaterThanOrEqualTo(Math.min(300, viewport - 60));
        assertThat(height).as("chart height at %d px", viewport).isGreaterThanOrEqualTo(240);
    }

    /**
     * "Columns (n)" and "Saved views (n)" are each shown once once the sections have arrived (the summary section
     * used to bring every {@code <summary>} of the page along with it).
     */
    static void assertDisclosuresShownOnce(ChromeDriver driver, int viewport) {
        String shown = (String) driver.executeScript("return document.body.innerText;");
        for (String label : List.of("Columns (", "Saved views (")) {
            assertThat(shown.split(java.util.regex.Pattern.quote(label), -1).length - 1)
                    .as("'%s' shown at %d px", label, viewport).isEqualTo(1);
        }
    }

    /** The chart's [lines, y axes, distinct line colours]. */
    @SuppressWarnings("unchecked")
    private static List<Long> chartShape(ChromeDriver driver) {
        return ((List<Number>) driver.executeScript("""
                var chart = window.reportChart;
                var colours = chart.data.datasets.map(function (d) { return d.borderColor; });
                return [chart.data.datasets.length,
                        Object.keys(chart.scales).filter(function (k) { return k.charAt(0) === 'y'; }).length,
                        colours.filter(function (c, i) { return colours.indexOf(c) === i; }).length];"""))
                .stream().map(Number::longValue).toList();
    }

    private static String currencyOfFirstTotal(JsonNode totals) {
        return totals.properties().iterator().next().getKey();
    }

    @Test
    void theReportPageDrawsTheChartAndItsTotalsEqualTheApi() {
        driver = Browser.start();
        var synced = com.tttools.app.reporting.ReportFixtures.syncedWorkspace(tenants(),
                simulator(), api, tokenStore, jobs);

        driver.get(url("/login"));
        driver.findElement(By.name("email")).sendKeys(synced.email());
        driver.findElement(By.name("password")).sendKeys(Users.PASSWORD);
        driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> !URI.create(d.getCurrentUrl()).getPath().equals("/login"));

        driver.get(url("/workspaces/" + synced.workspaceId() + "/reports?level=CAMPAIGN&from=" + synced.from()
                + "&to=" + synced.to() + "&metric=spend"));
        Browser.waitFor(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(driver.executeScript("return !!window.reportChart")));
        Object points = driver.executeScript("return window.reportChart.data.datasets[0].data.length");
        assertThat(((Number) points).intValue()).isEqualTo(7);
        // two currencies: one line on one axis in the reporting currency; the toggle draws one line and one axis per
        // native currency, no two in the same colour, and back
        assertThat(chartShape(driver)).isEqualTo(List.of(1L, 1L, 1L));
        driver.findElement(By.id("chart-toggle")).click();
        assertThat(chartShape(driver)).isEqualTo(List.of(2L, 2L, 2L));
        assertThat(driver.findElement(By.id("chart-toggle")).getAttribute("aria-pressed")).isEqualTo("true");
        driver.findElement(By.id("chart-toggle")).click();
        assertThat(chartShape(driver)).isEqualTo(List.of(1L, 1L, 1L));

        JsonNode totals = synced.owner().api().get("/api/v1/workspaces/" + synced.workspaceId() + "/reports?level=CAMPAIGN&from="
                + synced.from() + "&to=" + synced.to()).json().get("totals");
        String table = driver.findElement(By.id("report-totals")).getText();
        for (var total : totals.properties()) {
            assertThat(table).contains(total.getKey())
                    .contains(total.getValue().get("spend").decimalValue().toPlainString())
                    .contains(String.valueOf(total.getValue().get("impressions").asLong()));
        }
        assertThat(driver.findElement(By.id("freshness")).getText()).contains("Settled through").contains("Data as of");
        assertChartReadable(driver, 1280);

        // at 390 × 844 the chart still spans its panel's width at a readable height (it used to shrink to 275×101)
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        driver.navigate().refresh();
        Browser.waitFor(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(driver.executeScript("return !!window.reportChart")));
        assertChartReadable(driver, 390);
        assertDisclosuresShownOnce(driver, 390);
        assertThat(((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue())
                .isLessThanOrEqualTo(390);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        driver.navigate().refresh();
        Browser.waitFor(driver, Duration.ofSeconds(10))
                .until(d -> Boolean.TRUE.equals(driver.executeScript("return !!window.reportChart")));
        // the entity table and, once opened, the pull ledger arrive as htmx fragments after the first paint
        Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("report-entities")).isEmpty());
        assertThat(driver.findElement(By.id("report-entities")).getText()).contains(currencyOfFirstTotal(totals));
        assertDisclosuresShownOnce(driver, 1280);
        driver.findElement(By.cssSelector("#report-finality summary")).click();
        Browser.waitFor(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("#report-finality tbody tr")).size() == 14);

        // the report with its figures and the pull ledger open, the drilled-down report and the saved views: axe-core at
        // 1440 and 390 px, no sideways scroll at 390
        PageChecks checks = new PageChecks().atBothWidths(driver, "report with the pull ledger open");

        // drill down: campaign → its ad groups, with the trail back
        String campaign = driver.findElement(By.cssSelector("#report-entities a.drill")).getText();
        driver.findElement(By.cssSelector("#report-entities a.drill")).click();
        Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("level=ADGROUP"));
        assertThat(driver.getCurrentUrl()).contains("campaignId=");
        assertThat(driver.findElement(By.id("report-crumbs")).getText()).contains("All campaigns").contains(campaign);
        Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> !d.findElements(By.id("report-entities")).isEmpty());
        assertThat(driver.findElement(By.id("report-entities")).getText()).isNotBlank();
        checks.atBothWidths(driver, "drilled-down report");

        // save what is shown as a view; it is listed and opens the same report
        driver.findElement(By.cssSelector("#report-views summary")).click();
        driver.findElement(By.cssSelector("#save-view input[name=name]")).sendKeys("Drilled ad groups");
        driver.findElement(By.cssSelector("#save-view button[type=submit]")).click();
        Browser.waitFor(driver, Duration.ofSeconds(10))
                .until(d -> d.findElements(By.cssSelector("p.notice[role=status]")).size() == 1);
        driver.findElement(By.cssSelector("#report-views summary")).click();
        checks.atBothWidths(driver, "report with its saved views open");
        driver.findElement(By.linkText("Drilled ad groups")).click();
        Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("level=ADGROUP"));
        assertThat(driver.getCurrentUrl()).contains("campaignId=");

        // several advertisers at once: tick two in the picker, and the report shows those two
        driver.get(url("/workspaces/" + synced.workspaceId() + "/reports?level=CAMPAIGN&from=" + synced.from()
                + "&to=" + synced.to()));
        driver.findElement(By.cssSelector("#advertiser-picker summary")).click();
        List<org.openqa.selenium.WebElement> boxes = driver.findElements(By.cssSelector("#advertiser-picker input[type=checkbox]"));
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(2);
        String first = boxes.get(0).getAttribute("value");
        String second = boxes.get(1).getAttribute("value");
        boxes.get(0).click();
        boxes.get(1).click();
        driver.findElement(By.cssSelector("#report-form button[type=submit]")).click();
        Browser.waitFor(driver, Duration.ofSeconds(10)).until(d -> d.getCurrentUrl().contains("advertiserId=" + second));
        assertThat(driver.getCurrentUrl()).contains("advertiserId=" + first);
        assertThat(driver.findElement(By.cssSelector("#advertiser-picker summary")).getText())
                .isEqualTo("Advertisers (2 of " + boxes.size() + ")");
        checks.atBothWidths(driver, "report of two advertisers");
        checks.assertNone();
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }
}
