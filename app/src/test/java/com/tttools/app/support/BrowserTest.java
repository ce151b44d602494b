package com.tttools.app.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;

/** Integration tests driving one headless browser per test ({@link Browser#start()}), quit after it. */
public abstract class BrowserTest extends IntegrationTest {

    protected ChromeDriver driver;

    @BeforeEach
    void openBrowser() {
        driver = Browser.start();
    }

    @AfterEach
    void closeBrowser() {
        if (driver != null) {
            driver.quit();
        }
    }
}
