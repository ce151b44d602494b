package com.tttools.app.audit;

import static com.tttools.app.support.Tenants.expect;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.BrowserTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a browser whose timezone is Asia/Tokyo, the account page (sessions, tokens, sign-in activity) and the
 * organization's audit log show their times in the viewer's timezone, not UTC; the account page names security
 * events in words; the audit log's workspace control still offers a deleted workspace, marked as deleted.
 */
class AccountAndAuditTimesBrowserIT extends BrowserTest {

    static final String TOKYO = "GMT\\+9|JST";

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Test
    void accountAndAuditTimesAreTheViewersAndEventsAreWords() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("times-audit-owner");
        String org = tenants.createOrganization(owner, "Times Audit Agency");
        tenants.createWorkspace(owner, org, "Kept Brand");
        String gone = tenants.createWorkspace(owner, org, "Gone Brand");
        expect(owner.api().delete("/api/v1/workspaces/" + gone), 204);

        driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        driver.get(url("/favicon.svg"));
        // a sign-in of its own: the account page's activity lists it
        String signedIn = Users.loggedIn(port, owner.email(), Users.PASSWORD).sessionCookie();
        driver.manage().addCookie(new Cookie.Builder("SESSION", signedIn).path("/")
                .isHttpOnly(true).sameSite("Lax").build());

        driver.get(url("/account"));
        WebElement session = driver.findElement(By.cssSelector("#sessions time"));
        assertThat(session.getAttribute("title")).containsPattern(TOKYO).doesNotContain("UTC");
        List<WebElement> activity = driver.findElements(By.cssSelector("#activity tbody tr"));
        assertThat(activity).isNotEmpty();
        WebElement when = activity.get(0).findElement(By.cssSelector("time"));
        assertThat(when.getText()).containsPattern(TOKYO).doesNotContain("UTC");
        List<String> what = activity.stream().map(row -> row.findElements(By.tagName("td")).get(1).getText()).toList();
        assertThat(what).as("security events in words, not codes").contains("Signed in")
                .noneMatch(text -> text.matches("[a-z_]+(\\.[a-z_]+)?"));
        assertThat(driver.findElement(By.id("activity")).getText()).doesNotContain("When (UTC)");

        driver.get(url("/organizations/" + org + "/audit"));
        WebElement first = driver.findElement(By.cssSelector("#audit-events tbody tr time"));
        assertThat(first.getText()).containsPattern(TOKYO).doesNotContain("UTC");
        assertThat(driver.findElement(By.id("audit-events")).getText()).doesNotContain("(UTC)");
        List<String> workspaces = driver.findElements(By.cssSelector("#filter-workspace option")).stream()
                .map(WebElement::getText).toList();
        assertThat(workspaces).contains("Kept Brand", "Gone Brand (deleted)");

        // choosing the deleted workspace shows its events (its deletion, at least), not a refusal
        driver.get(url("/organizations/" + org + "/audit?workspaceId=" + gone));
        assertThat(driver.findElements(By.id("workspaceId-error"))).isEmpty();
        assertThat(driver.findElement(By.id("audit-events")).getText()).contains("Gone Brand (deleted)");
        assertThat(driver.findElement(By.cssSelector("#filter-workspace option[selected]")).getText())
                .isEqualTo("Gone Brand (deleted)");
    }
}
