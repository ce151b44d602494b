package com.tttools.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * axe-core run on the page a browser test shows. The script is vendored under {@code src/test/resources/axe/}
 * (MPL-2.0, with its licence) and injected through WebDriver, which the pages' CSP does not restrict: the
 * application never serves it.
 */
public final class Axe {

    private static final String SCRIPT = load();

    // WCAG 2.x A and AA rules plus axe's best practices; only serious and critical findings are returned.
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']}).then(function (result) {
              done(result.violations
                .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 4).map(function (n) {
                    var check = (n.any[0] || n.all[0] || n.none[0] || {}).data || {};
                    return n.target.join(' ') + ' ' + n.html.substring(0, 100)
                        + (check.contrastRatio ? ' (' + check.fgColor + ' on ' + check.bgColor + ' = '
                            + check.contrastRatio + ')' : '');
                  }).join(' | ') + (v.nodes.length > 4 ? ' and ' + (v.nodes.length - 4) + ' more' : '');
                }));
            }).catch(function (error) { done(['axe could not run: ' + error]); });
            """;

    private Axe() {
    }

    /** The serious and critical violations on the current page, one line each (rule, help, where). */
    @SuppressWarnings("unchecked")
    public static List<String> seriousViolations(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(SCRIPT);
        }
        return (List<String>) driver.executeAsyncScript(RUN);
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe/axe.min.js is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
