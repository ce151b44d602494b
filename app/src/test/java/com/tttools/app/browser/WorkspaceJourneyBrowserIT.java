package com.tttools.app.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Axe;
import com.tttools.app.support.Browser;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Mailbox;
import com.tttools.app.support.PageChecks;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * A media buyer's first day in a real browser: sign up, verify, onboarding, connect TikTok (simulator), the
 * first-run checklist following the first sync live, the home with its KPIs, the report in the reporting currency
 * and its CSV, campaigns with names and badges, the connections, inviting an analyst whose navigation holds only
 * pages they may open (each passing axe-core), the audit log and its CSV with names; then every key page with
 * axe-core at 1440 and at 390 px (no serious or critical violation), keyboard focus that shows, and at 390 × 844
 * without sideways page scroll (a too-wide page's HTML is saved next to the screenshots, and the failure names the
 * elements sticking out). Problems are collected over all pages and reported together. The drill-down and saved
 * views are walked by {@code ReportsBrowserIT}, the pages this journey does not reach in the state that matters by
 * {@code MorePagesBrowserIT} and {@code PhoneChangeSetBrowserIT}. Screenshots land in {@code target/screenshots/};
 * {@code -Dscreenshots.docs=true} also copies them to {@code docs/screenshots/} (README, "Developing").
 */
class WorkspaceJourneyBrowserIT extends IntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path DOC_SCREENSHOTS = Path.of("..", "docs", "screenshots");

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JsonMapper json;

    private final List<ChromeDriver> browsers = new ArrayList<>();

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void aMediaBuyerSignsUpConnectsTikTokSeesTheFiguresAndInvitesAnAnalyst() throws IOException {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        ChromeDriver owner = browser();
        String email = Users.uniqueEmail("journey");

        // sign up from the header, verify from the mail, set up the organization
        for (String page : List.of("/login", "/forgot-password", "/")) {
            owner.get(url(page));
            axe(owner, page);
        }
        owner.findElement(By.linkText("Sign up")).click();
        axe(owner, "/signup");
        owner.findElement(By.name("name")).sendKeys("Jo Journey");
        owner.findElement(By.name("email")).sendKeys(email);
        owner.findElement(By.name("password")).sendKeys(Users.PASSWORD);
        owner.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait(owner).until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/onboarding"));
        String token = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Confirm your TTtools email"));
        owner.get(url("/verify-email?token=" + token));
        owner.findElement(By.cssSelector("main form button[type=submit]")).click();
        wait(owner).until(d -> !d.findElements(By.cssSelector(".notice")).isEmpty());
        owner.get(url("/onboarding"));
        axe(owner, "/onboarding");
        screenshot(owner, "onboarding");
        owner.findElement(By.id("name")).sendKeys("Journey Agency");
        owner.findElement(By.id("workspaceName")).sendKeys("Journey Brand");
        new Select(owner.findElement(By.id("timezone"))).selectByValue("Europe/Berlin");
        new Select(owner.findElement(By.id("currency"))).selectByValue("EUR");
        owner.findElement(By.cssSelector("main form button[type=submit]")).click();

        // the home: the first-run checklist, the account menu under the user's name
        wait(owner).until(d -> d.findElement(By.id("workspace-name")).getText().equals("Journey Brand"));
        String home = URI.create(owner.getCurrentUrl()).getPath();
        String ws = home.substring("/workspaces/".length());
        // the figures and the checklist arrive by htmx right after the first paint
        wait(owner).until(d -> !d.findElements(By.id("first-run")).isEmpty());
        assertThat(owner.findElement(By.id("first-run")).getText()).contains("Connect your TikTok");
        assertThat(owner.findElement(By.cssSelector("#account-menu summary")).getText()).isEqualTo("Jo Journey");
        axe(owner, "home, first run");
        screenshot(owner, "home-empty");

        // connect TikTok (the simulator's consent page approves at once) and ask for the first report sync
        SimulatorApi simulator = new SimulatorApi(port, json);
        simulator.control("POST", "/_sim/consent", Map.of("autoApprove", true));
        owner.findElement(By.id("nav-connections")).click();
        wait(owner).until(d -> !d.findElements(By.id("connect-tiktok")).isEmpty());
        owner.findElement(By.id("connect-tiktok")).click();
        wait(owner).until(d -> URI.create(d.getCurrentUrl()).getPath().equals(home));
        assertThat(owner.findElement(By.cssSelector(".notice")).getText()).contains("TikTok is connected");
        ApiClient api = new ApiClient(port).withSessionCookie(owner.manage().getCookieNamed("SESSION").getValue());
        String connection = api.get("/api/v1/workspaces/" + ws + "/connections").json().get("items").get(0)
                .get("id").asString();
        Tenants.expect(api.post("/api/v1/workspaces/" + ws + "/connections/" + connection + "/sync",
                Map.of("kind", "REPORTS")), 202);

        // the checklist follows the sync on the same page (htmx polling): no reload. Both steps: the first figures
        // may be in while the sync still imports the earlier days the home's key figures are made of
        owner.executeScript("window.journeyMarker = 'same page';");
        // (htmx swaps the checklist in between, so a lookup may meet the element it just replaced; the bound is
        // generous because the first sync shares the machine's cores with the rest of the suite)
        Browser.waitFor(owner, Duration.ofSeconds(480)).pollingEvery(Duration.ofSeconds(1))
                .until(d ->
                "true".equals(d.findElement(By.id("step-sync")).getAttribute("data-done"))
                        && "true".equals(d.findElement(By.id("step-report")).getAttribute("data-done")));
        assertThat(owner.executeScript("return window.journeyMarker;")).isEqualTo("same page");
        screenshot(owner, "home-checklist-done");

        // the home with KPIs, chart and connection health
        owner.navigate().refresh();
        Browser.waitFor(owner, Duration.ofSeconds(60)).until(d -> !d.findElements(By.cssSelector(".kpis")).isEmpty());
        assertThat(owner.findElement(By.id("spend-chart")).findElements(By.tagName("rect"))).isNotEmpty();
        assertThat(owner.findElement(By.id("connection-health")).getText()).contains("Connected");
        screenshot(owner, "home");

        // the report in the reporting currency chosen at onboarding (EUR), and its CSV with the converted columns
        owner.findElement(By.id("nav-reports")).click();
        Browser.waitFor(owner, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.id("report-entities")).isEmpty());
        assertThat(owner.findElement(By.tagName("main")).getText()).contains("EUR");
        String reportCsv = Tenants.expect(api.get(pathAndQuery(owner.findElement(By.id("report-csv"))
                .getAttribute("href"))), 200).body();
        assertThat(reportCsv.lines().findFirst().orElseThrow()).contains("reportingCurrency");
        assertThat(reportCsv.lines().skip(1).toList()).isNotEmpty().allSatisfy(line -> assertThat(line).contains(",EUR"));
        screenshot(owner, "reports");

        // drill down one level, with the trail back, and keep that as a saved view which opens the same report
        String drilled = owner.findElement(By.cssSelector("#report-entities a.drill")).getText();
        String unfiltered = owner.getCurrentUrl();
        owner.findElement(By.cssSelector("#report-entities a.drill")).click();
        wait(owner).until(d -> !d.getCurrentUrl().equals(unfiltered) && !d.findElements(By.id("report-crumbs")).isEmpty());
        assertThat(owner.findElement(By.id("report-crumbs")).getText()).contains(drilled);
        String drilledUrl = owner.getCurrentUrl();
        owner.findElement(By.cssSelector("#report-views summary")).click();
        owner.findElement(By.cssSelector("#save-view input[name=name]")).sendKeys("Journey drill-down");
        owner.findElement(By.cssSelector("#save-view button[type=submit]")).click();
        wait(owner).until(d -> !d.findElements(By.cssSelector("p.notice[role=status]")).isEmpty());
        owner.get(url(home + "/reports"));
        owner.findElement(By.cssSelector("#report-views summary")).click();
        owner.findElement(By.linkText("Journey drill-down")).click();
        wait(owner).until(d -> d.findElements(By.id("report-crumbs"))
                .stream().anyMatch(crumbs -> crumbs.getText().contains(drilled)));
        assertThat(URI.create(owner.getCurrentUrl()).getQuery()).as("the saved view reopens " + drilledUrl)
                .contains(URI.create(drilledUrl).getQuery().replaceAll(".*((?:advertiser|campaign)Id=[^&]+).*", "$1"));
        screenshot(owner, "report-drilled");

        // campaigns: names, badges, advertisers by name
        owner.findElement(By.id("nav-campaigns")).click();
        wait(owner).until(d -> !d.findElements(By.cssSelector("#inventory-table tbody tr")).isEmpty());
        WebElement firstRow = owner.findElement(By.cssSelector("#inventory-table tbody tr"));
        assertThat(firstRow.findElement(By.cssSelector(".badge")).getText())
                .isIn("Active", "Paused", "Deleted").as("a word, not a TikTok enum");
        assertThat(firstRow.getText()).doesNotContain("_STATUS_");
        assertThat(owner.findElement(By.id("breadcrumbs")).getText()).contains("Journey Agency")
                .contains("Journey Brand").contains("Campaigns");
        // at 1440 px the table spans the page's content width (it does not shrink to its columns)
        @SuppressWarnings("unchecked")
        List<Number> widths = (List<Number>) owner.executeScript("""
                var main = document.querySelector('main');
                var style = getComputedStyle(main);
                return [document.getElementById('inventory-table').getBoundingClientRect().width,
                        main.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];""");
        assertThat(widths.get(0).doubleValue()).as("table width, content width %s", widths.get(1))
                .isGreaterThanOrEqualTo(widths.get(1).doubleValue() - 2);
        screenshot(owner, "campaigns");

        owner.findElement(By.id("nav-connections")).click();
        wait(owner).until(d -> d.findElement(By.id("nav-connections")).getAttribute("aria-current") != null);
        screenshot(owner, "connections");

        // invite an analyst from the organization settings; they accept with their own account
        String analystEmail = Users.uniqueEmail("journey-analyst");
        owner.findElement(By.cssSelector("#account-menu summary")).click();
        owner.findElement(By.linkText("Organization settings")).click();
        wait(owner).until(d -> !d.findElements(By.id("invite-email")).isEmpty());
        owner.findElement(By.id("invite-email")).sendKeys(analystEmail);
        new Select(owner.findElement(By.id("invite-role"))).selectByValue("MEMBER");
        new Select(owner.findElement(By.id("invite-workspace"))).selectByVisibleText("Journey Brand");
        new Select(owner.findElement(By.id("invite-workspace-role"))).selectByValue("ANALYST");
        owner.findElement(By.cssSelector("#invite-form button[type=submit]")).click();
        wait(owner).until(d -> d.findElement(By.cssSelector(".notice")).getText().contains(analystEmail));
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        String invitation = tenants.invitationToken(analystEmail);
        ApiClient analystApi = Users.signedUp(port, analystEmail);
        String verify = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, analystEmail, "Confirm your TTtools email"));
        Tenants.expect(analystApi.post("/api/v1/auth/verify-email", Map.of("token", verify)), 204);
        // the analyst opens the invitation in their browser and accepts it
        ChromeDriver analyst = browser();
        analyst.manage().addCookie(new Cookie.Builder("SESSION", analystApi.sessionCookie()).path("/")
                .isHttpOnly(true).sameSite("Lax").build());
        analyst.get(url("/invitations/" + invitation));
        axe(analyst, "the invitation");
        analyst.findElement(By.id("accept-invitation")).click();
        wait(analyst).until(d -> URI.create(d.getCurrentUrl()).getPath().startsWith("/organizations/"));

        // the analyst's navigation: every item opens, and the organization's audit log is not offered
        analyst.get(url(home));
        List<String> links = analyst.findElements(By.cssSelector("#workspace-nav a")).stream()
                .map(a -> a.getAttribute("href")).toList();
        assertThat(links).hasSizeGreaterThanOrEqualTo(5);
        for (String link : links) {
            analyst.get(link);
            axe(analyst, "the analyst's " + URI.create(link).getPath());
            assertThat(analyst.findElements(By.cssSelector(".error-page"))).as(link).isEmpty();
            assertThat(analyst.findElement(By.tagName("h1")).getText()).as(link).isNotBlank()
                    .doesNotContain("Forbidden").doesNotContain("not found");
        }
        analyst.findElement(By.cssSelector("#account-menu summary")).click();
        assertThat(analyst.findElements(By.id("menu-audit-log"))).isEmpty();
        screenshot(analyst, "analyst-navigation");

        // the owner's audit log, from the account menu of a workspace page
        owner.get(url(home));
        owner.findElement(By.cssSelector("#account-menu summary")).click();
        owner.findElement(By.id("menu-audit-log")).click();
        wait(owner).until(d -> URI.create(d.getCurrentUrl()).getPath().endsWith("/audit"));
        screenshot(owner, "audit-log");
        // its CSV (the filters of the page) names the actor next to the address
        String auditCsv = Tenants.expect(api.get(pathAndQuery(owner.findElement(By.id("audit-csv"))
                .getAttribute("href"))), 200).body();
        assertThat(auditCsv.lines().findFirst().orElseThrow()).endsWith(",actor_name");
        assertThat(auditCsv.lines().filter(line -> line.contains("," + email + ",,")).toList()).isNotEmpty()
                .allSatisfy(line -> assertThat(line).endsWith(",Jo Journey"));

        // keyboard: the first Tab reaches the skip link, the next ones the header and the navigation, each with a
        // visible focus outline
        owner.get(url(home));
        for (int i = 0; i < 4; i++) {
            new Actions(owner).sendKeys(Keys.TAB).perform();
            WebElement focused = owner.switchTo().activeElement();
            assertThat(focused.getTagName()).as("focus after %d tabs", i + 1).isNotEqualTo("body");
            assertThat(focused.getCssValue("outline-style")).as("outline of %s", focused.getText()).isEqualTo("solid");
            assertThat(focused.getCssValue("outline-width")).isEqualTo("3px");
            if (i == 0) {
                assertThat(focused.getText()).isEqualTo("Skip to content");
            }
        }

        // every key page of the journey: axe-core at desktop width, then at 390 × 844 no sideways page scroll
        owner.get(url(home));
        String org = URI.create(owner.findElement(By.cssSelector("#breadcrumbs a")).getAttribute("href")).getPath();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", home);
        for (String section : List.of("reports", "inventory/campaigns", "inventory/ad-groups", "inventory/ads",
                "inventory", "connections", "jobs", "bulk-operations", "bulk-operations/new", "bulk-policy", "alerts",
                "deliveries", "settings", "settings/exchange-rates")) {
            pages.put(section.replace('/', '-'), home + "/" + section);
        }
        pages.put("campaign", firstLink(owner, home + "/inventory/campaigns", "#inventory-table tbody tr td a"));
        pages.put("ad-group", firstLink(owner, home + "/inventory/ad-groups", "#inventory-table tbody tr td a"));
        pages.put("ad", firstLink(owner, home + "/inventory/ads", "#inventory-table tbody tr td a"));
        pages.put("job", firstLink(owner, home + "/jobs", "main table tbody tr td a"));
        for (String account : List.of("account", "account/notifications", "account/data", "account/two-factor",
                "account/telegram")) {
            pages.put(account.replace('/', '-'), "/" + account);
        }
        pages.put("organization", org);
        for (String section : List.of("audit", "workspaces", "retention")) {
            pages.put("organization-" + section, org + "/" + section);
        }
        pages.forEach((name, page) -> {
            owner.get(url(page));
            settle(owner, name);
            if (!owner.findElements(By.cssSelector(".error-page")).isEmpty()) {
                problems.put("error " + name, List.of(owner.findElement(By.tagName("h1")).getText()));
            }
            axe(owner, name + " " + page);
        });
        owner.manage().window().setSize(PageChecks.PHONE);
        for (Map.Entry<String, String> page : pages.entrySet()) {
            owner.get(url(page.getValue()));
            settle(owner, page.getKey());
            long width = ((Number) owner.executeScript("return document.documentElement.scrollWidth;")).longValue();
            if (width > 390) {
                String problem = width + " px wide; sticking out: " + owner.executeScript(PageChecks.WIDEST);
                problems.put("width " + page.getKey() + " " + page.getValue(), List.of(problem));
                System.out.println("[page-check] width " + page.getKey() + ": " + problem);
                Files.writeString(SCREENSHOTS.resolve("too-wide-" + page.getKey() + ".html"), owner.getPageSource());
            }
            if (page.getKey().equals("reports")) {
                // the figures arrive by htmx after the first paint; then the chart must be readable on a phone
                Browser.waitFor(owner, Duration.ofSeconds(30))
                        .until(d -> Boolean.TRUE.equals(owner.executeScript("return !!window.reportChart")));
                ReportsBrowserIT.assertChartReadable(owner, 390);
            }
            axe(owner, page.getKey() + " at 390 px " + page.getValue());
            screenshot(owner, "phone-" + page.getKey());
        }
        owner.get(url(home));
        WebElement toggle = owner.findElement(By.id("menu-toggle"));
        assertThat(toggle.isDisplayed()).isTrue();
        assertThat(owner.findElement(By.id("switch-workspace")).isDisplayed()).isFalse();
        toggle.click();
        assertThat(owner.findElement(By.id("switch-workspace")).isDisplayed()).isTrue();
        axe(owner, "home at 390 px, menu open");
        screenshot(owner, "phone-menu-open");

        assertThat(problems).as("axe-core serious/critical violations and pages wider than 390 px").isEmpty();

        assertThat(Browser.consoleErrors(owner)).allMatch(m -> m.contains("/favicon.ico"));
    }

    /** The parts of the home and the report that htmx brings in after the first paint are there (axe checks them). */
    private static void settle(ChromeDriver driver, String page) {
        String part = switch (page) {
            case "home" -> ".kpis";
            case "reports" -> "#report-entities";
            default -> null;
        };
        if (part != null) {
            Browser.waitFor(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.cssSelector(part)).isEmpty());
        }
    }

    private final Map<String, List<String>> problems = new LinkedHashMap<>();

    private void axe(ChromeDriver driver, String page) {
        List<String> violations = Axe.seriousViolations(driver);
        if (!violations.isEmpty()) {
            problems.put("axe " + page, violations);
            System.out.println("[page-check] axe " + page + ": " + violations);
        }
    }

    private static String pathAndQuery(String href) {
        URI uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private String firstLink(ChromeDriver driver, String page, String selector) {
        driver.get(url(page));
        return URI.create(driver.findElement(By.cssSelector(selector)).getAttribute("href")).getPath();
    }

    private ChromeDriver browser() {
        ChromeDriver driver = Browser.start();
        browsers.add(driver);
        driver.manage().window().setSize(PageChecks.DESKTOP);
        driver.get(url("/favicon.svg"));
        return driver;
    }

    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        if (Boolean.getBoolean("screenshots.docs")) {
            Files.createDirectories(DOC_SCREENSHOTS);
            Files.copy(file, DOC_SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static WebDriverWait wait(ChromeDriver driver) {
        return Browser.waitFor(driver, Duration.ofSeconds(15));
    }
}
