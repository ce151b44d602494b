package com.tttools.app.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium for browser tests. Nothing is downloaded: the binary and driver are named
 * explicitly. Where they are missing the test is skipped with a message, unless
 * {@code TTTOOLS_REQUIRE_BROWSER=1} (as in .ci/run), where that is a failure.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed) {
            String message = "Browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver";
            if ("1".equals(System.getenv("TTTOOLS_REQUIRE_BROWSER"))) {
                throw new IllegalStateException(message + " — required because TTTOOLS_REQUIRE_BROWSER=1");
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--disable-quic", "--no-first-run", "--disable-component-update",
                "--disable-sync", "--window-size=1280,900");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        return new ChromeDriver(service, options);
    }

    /**
     * The browser tests' wait: a condition that met a node replaced meanwhile (htmx swaps a panel, a form submits and
     * the page changes) is asked again. ChromeDriver reports such a node as stale, or, since Chrome 156, as an
     * "unknown error" that the node "does not belong to the document" (a plain {@link WebDriverException}); both mean
     * "look again", any other error fails the wait at once.
     */
    public static WebDriverWait waitFor(WebDriver driver, Duration timeout) {
        return new WebDriverWait(driver, timeout) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                return super.until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (StaleElementReferenceException e) {
                        return null;
                    } catch (WebDriverException e) {
                        if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                            return null;
                        }
                        throw e;
                    }
                });
            }
        };
    }

    /** Console messages at SEVERE level (errors, CSP violations, failed loads). */
    public static List<String> consoleErrors(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }
}
