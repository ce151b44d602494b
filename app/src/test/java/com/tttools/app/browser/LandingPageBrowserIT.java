package com.tttools.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.Browser;
import com.tttools.app.support.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Smoke test in a real headless Chromium: the landing page renders and the console stays clean. */
class LandingPageBrowserIT extends BrowserTest {

    @Test
    void landingPageRendersWithoutConsoleErrors() {
        driver.get(url("/"));

        assertThat(driver.getTitle()).contains("TTtools");
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("TikTok advertising operations");
        assertThat(driver.findElements(By.cssSelector(".features li"))).hasSizeGreaterThanOrEqualTo(4);
        // htmx loaded from the WebJar and initialised (a CSP block or 404 would leave it undefined)
        assertThat(driver.executeScript("return typeof htmx")).isEqualTo("object");
        assertThat(Browser.consoleErrors(driver)).isEmpty();
    }

    @Test
    void unknownPageShowsTheFriendly404() {
        driver.get(url("/definitely/not/here"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(Browser.consoleErrors(driver)).allMatch(message -> message.contains("404"));
    }
}
