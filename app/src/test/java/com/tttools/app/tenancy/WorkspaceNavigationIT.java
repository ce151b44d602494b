package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The persistent workspace navigation, breadcrumbs and header: what each role is shown, that every link shown
 * opens, the switcher naming the page's workspace and keeping the page when switching.
 */
class WorkspaceNavigationIT extends IntegrationTest {

    private static final Pattern NAV = Pattern.compile("<nav class=\"workspace-nav\".*?</nav>", Pattern.DOTALL);
    private static final Pattern NAV_LINK = Pattern.compile("href=\"([^\"]+)\"[^>]*id=\"nav-([a-z-]+)\"");

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @Test
    void everyRoleSeesTheWorkspaceNavigationWithOnlyLinksItMayOpenAndTheCurrentSectionMarked() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("nav-owner");
        String org = tenants.createOrganization(owner, "Nav Agency");
        String ws = tenants.createWorkspace(owner, org, "Nav Brand");
        Tenants.User analyst = tenants.member(owner, org, "nav-analyst", "MEMBER",
                List.of(Map.of("workspaceId", ws, "role", "ANALYST")));

        String page = Tenants.expect(owner.api().get("/workspaces/" + ws + "/inventory/campaigns"), 200).body();
        Map<String, String> links = navLinks(page);
        assertThat(links.keySet()).containsExactly("home", "reports", "campaigns", "ad-groups", "ads", "assets",
                "connections", "jobs", "bulk-operations", "alerts", "deliveries", "settings");
        assertThat(page).contains("id=\"nav-campaigns\" aria-current=\"page\" class=\"current\"")
                .doesNotContain("id=\"nav-assets\" aria-current");
        String crumbs = between(page, "id=\"breadcrumbs\"", "</nav>");
        assertThat(crumbs).contains("Nav Agency").contains("Nav Brand").contains("Campaigns");
        String policy = Tenants.expect(owner.api().get("/workspaces/" + ws + "/bulk-policy"), 200).body();
        assertThat(policy).as("the bulk policy page is part of the bulk changes section")
                .contains("id=\"nav-bulk-operations\" aria-current=\"page\" class=\"current\"");
        assertThat(between(policy, "id=\"breadcrumbs\"", "</nav>")).contains("Bulk changes");
        assertThat(page).as("the account menu shows the name, not an id")
                .contains("class=\"account-name\">Test " + owner.email().substring(0, owner.email().indexOf('@')) + "<")
                .contains("id=\"menu-audit-log\"");

        String analystPage = Tenants.expect(analyst.api().get("/workspaces/" + ws), 200).body();
        Map<String, String> analystLinks = navLinks(analystPage);
        assertThat(analystLinks).isNotEmpty().containsKeys("reports", "alerts")
                .as("the delivery log is for workspace admins").doesNotContainKey("deliveries");
        analystLinks.forEach((key, href) -> assertThat(analyst.api().get(href).status())
                .as("the analyst may open %s (%s)", key, href).isEqualTo(200));
        assertThat(analystPage).as("an organization member has no audit log").doesNotContain("id=\"menu-audit-log\"");

        assertThat(owner.api().get("/account").body()).as("outside a workspace there is no workspace navigation")
                .doesNotContain("class=\"workspace-nav\"");
    }

    @Test
    void theSwitcherNamesThePagesWorkspaceAndSwitchingKeepsTheSection() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("switch-owner");
        String org = tenants.createOrganization(owner, "Switch Agency");
        String first = tenants.createWorkspace(owner, org, "First Brand");
        String second = tenants.createWorkspace(owner, org, "Second Brand");
        Tenants.expect(owner.api().postForm("/switch-workspace", "workspaceId=" + second, true), 302);

        // last switched to Second, but this page is First's
        String page = owner.api().get("/workspaces/" + first + "/jobs").body();
        assertThat(between(page, "id=\"switch-workspace\"", "</select>"))
                .containsPattern("value=\"" + first + "\" selected=\"selected\"")
                .doesNotContain("value=\"" + second + "\" selected");

        assertThat(switchFrom(owner.api(), second, "/workspaces/" + first + "/inventory/campaigns/7000000001"))
                .endsWith("/workspaces/" + second + "/inventory/campaigns");
        assertThat(switchFrom(owner.api(), first, "/workspaces/" + second + "/reports"))
                .endsWith("/workspaces/" + first + "/reports");
        assertThat(switchFrom(owner.api(), second, "/account")).endsWith("/workspaces/" + second);
        assertThat(switchFrom(owner.api(), second, "https://elsewhere.example/workspaces/" + first + "/jobs"))
                .as("only paths of this app are followed").endsWith("/workspaces/" + second);
    }

    /**
     * A member (not an admin) of two workspaces: the switcher on a workspace page lists both. Its snapshot is read
     * while the page's workspace is bound for row-level security, and it must still see the other workspace's
     * membership (it once saw only the page's, and kept that for 30 s).
     */
    @Test
    void aMembersSwitcherOnAWorkspacePageListsEveryWorkspaceOfTheirs() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("switch-m-owner");
        String org = tenants.createOrganization(owner, "Switch Members Agency");
        String first = tenants.createWorkspace(owner, org, "Member First Brand");
        String second = tenants.createWorkspace(owner, org, "Member Second Brand");
        tenants.createWorkspace(owner, org, "Member Hidden Brand");
        Tenants.User member = tenants.member(owner, org, "switch-m", "MEMBER", List.of(
                Map.of("workspaceId", first, "role", "ANALYST"), Map.of("workspaceId", second, "role", "OPERATOR")));

        // the membership change emptied the snapshots: this page view reads the member's afresh
        String switcher = between(member.api().get("/workspaces/" + first + "/jobs").body(), "id=\"switch-workspace\"",
                "</select>");
        assertThat(switcher).contains("value=\"" + first + "\"").contains("value=\"" + second + "\"")
                .contains("Member Second Brand").doesNotContain("Member Hidden Brand");
    }

    private static String switchFrom(ApiClient api, String target, String next) {
        ApiClient.Response response = api.postForm("/switch-workspace", "workspaceId=" + target + "&next="
                + URLEncoder.encode(next, StandardCharsets.UTF_8), true);
        assertThat(response.status()).isEqualTo(302);
        return response.header("Location").orElseThrow();
    }

    private static Map<String, String> navLinks(String page) {
        Matcher nav = NAV.matcher(page);
        assertThat(nav.find()).as("the page has the workspace navigation").isTrue();
        Map<String, String> links = new java.util.LinkedHashMap<>();
        Matcher link = NAV_LINK.matcher(nav.group());
        while (link.find()) {
            links.put(link.group(2), link.group(1));
        }
        return links;
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }
}
