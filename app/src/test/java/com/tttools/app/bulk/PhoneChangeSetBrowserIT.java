package com.tttools.app.bulk;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.Browser;
import com.tttools.app.support.Tenants;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * At 390 × 844 the change-set detail page (a planned pause of ads awaiting approval, its lines with long names) and
 * the onboarding form (a signed-up user without an organization) do not scroll sideways.
 */
class PhoneChangeSetBrowserIT extends BulkTestSupport {

    ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theChangeSetDetailAndTheOnboardingFormFitAPhone() {
        syncedWorkspace("phone-cs", 1, 1);
        List<String> ads = enabled("ads").stream().limit(3).map(ad -> ad.path("tiktokId").asString()).toList();
        assertThat(ads).hasSize(3);
        String changeSet = expect(plan(operator, Map.of("action", "PAUSE", "level", "AD", "targets", ads), null), 201)
                .json().path("id").asString();
        Tenants.User newcomer = tenants.verifiedUser("phone-onboarding");

        browser = Browser.start();
        browser.get(url("/favicon.svg"));
        browser.manage().window().setSize(new Dimension(390, 844));
        Map<String, Long> tooWide = new LinkedHashMap<>();

        signIn(owner);
        browser.get(url("/workspaces/" + ws + "/bulk-operations/" + changeSet));
        assertThat(browser.findElement(By.id("cs-status")).getText()).isEqualTo("Awaiting approval");
        assertThat(browser.findElement(By.id("cs-lines")).getText()).contains(ads.get(0));
        measure("change-set detail", tooWide);

        signIn(newcomer);
        browser.get(url("/onboarding"));
        assertThat(browser.findElements(By.cssSelector("form input[name=workspaceName]"))).isNotEmpty();
        measure("onboarding", tooWide);

        assertThat(tooWide).as("pages wider than the 390 px screen").isEmpty();
    }

    private void measure(String page, Map<String, Long> tooWide) {
        assertThat(browser.findElements(By.cssSelector(".error-page"))).as(page).isEmpty();
        long width = ((Number) browser.executeScript("return document.documentElement.scrollWidth;")).longValue();
        long screen = ((Number) browser.executeScript("return window.innerWidth;")).longValue();
        if (width > screen) {
            tooWide.put(page, width);
        }
    }

    private void signIn(Tenants.User user) {
        browser.manage().deleteAllCookies();
        browser.manage().addCookie(new Cookie.Builder("SESSION", user.api().sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
    }
}
