package com.tttools.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The checks every page of the journeys passes (issue 17, "Responsive and accessible"): axe-core finds no serious
 * or critical violation at 1440 px and at 390 px, and the page does not scroll sideways at either width
 * ({@code document.documentElement.scrollWidth}; at 1440 px a wide table scrolls inside its box too). Problems are collected over the pages a test walks and asserted
 * together at the end, each naming the page, so one run lists them all.
 */
public final class PageChecks {

    public static final Dimension DESKTOP = new Dimension(1440, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    /** The outermost elements that reach past the viewport's right edge, for a too-wide page's message. */
    public static final String WIDEST = """
            var out = [];
            var clipped = function (e) {
              if (['absolute', 'fixed'].indexOf(getComputedStyle(e).position) >= 0) {
                return false;
              }
              for (var p = e.parentElement; p && p !== document.body; p = p.parentElement) {
                if (getComputedStyle(p).overflowX !== 'visible') {
                  return true;
                }
              }
              return false;
            };
            document.querySelectorAll('body *').forEach(function (e) {
              var r = e.getBoundingClientRect();
              if (r.right > window.innerWidth + 1 && !clipped(e)
                  && e.parentElement.getBoundingClientRect().right <= window.innerWidth + 1) {
                out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                    ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '') + ' ' + Math.round(r.right) + 'px');
              }
            });
            return out.slice(0, 8).join(', ');
            """;

    private final Map<String, List<String>> problems = new LinkedHashMap<>();
    private final List<String> checked = new java.util.ArrayList<>();

    /**
     * The page the browser shows, as it is now (open disclosures stay open): at 1440 px, then at 390 px, axe-core
     * and the width; the window is left at 1440 px. Resizing does not reload, so what htmx brought in
     * stays.
     */
    public PageChecks atBothWidths(ChromeDriver driver, String page) {
        driver.manage().window().setSize(DESKTOP);
        errorPage(driver, page);
        axe(driver, page + " at 1440 px");
        width(driver, page + " at 1440 px");
        driver.manage().window().setSize(PHONE);
        axe(driver, page + " at 390 px");
        width(driver, page + " at 390 px");
        driver.manage().window().setSize(DESKTOP);
        checked.add(page);
        return this;
    }

    /** axe-core's serious and critical violations on the page as shown, at the window's current width. */
    public PageChecks axe(ChromeDriver driver, String page) {
        List<String> violations = Axe.seriousViolations(driver);
        if (!violations.isEmpty()) {
            problems.put("axe " + page, violations);
            System.out.println("[page-check] axe " + page + ": " + violations);
        }
        return this;
    }

    /** The page does not scroll sideways at the window's current width; the message names what sticks out. */
    public PageChecks width(ChromeDriver driver, String page) {
        long width = ((Number) driver.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long screen = ((Number) driver.executeScript("return window.innerWidth;")).longValue();
        if (width > screen) {
            String problem = width + " px wide in " + screen + " px; sticking out: " + driver.executeScript(WIDEST);
            problems.put("width " + page, List.of(problem));
            System.out.println("[page-check] width " + page + ": " + problem);
        }
        return this;
    }

    private void errorPage(ChromeDriver driver, String page) {
        if (!driver.findElements(By.cssSelector(".error-page")).isEmpty()) {
            problems.put("error " + page, List.of(driver.findElement(By.tagName("h1")).getText()));
        }
    }

    /** The pages checked so far, in order (a test can assert it walked the ones it means to). */
    public List<String> checked() {
        return List.copyOf(checked);
    }

    public Map<String, List<String>> problems() {
        return problems;
    }

    /** Fails with every problem found, by page. */
    public void assertNone() {
        assertThat(problems).as("axe-core serious/critical violations (1440 and 390 px) and pages wider than 390 px")
                .isEmpty();
    }
}
