package com.tttools.app.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.SimulatorApi;
import com.tttools.app.support.Tenants;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace home: an empty workspace shows the first-run checklist (not polling before anything is
 * connected); after connecting, the checklist polls until the first sync brought figures, then the home shows the
 * KPIs, which equal the report API's totals for the same dates.
 */
class HomePageIT extends IntegrationTest {

    private static final Pattern WEEK = Pattern.compile(
            "class=\"kpi-period\" data-from=\"([0-9-]+)\" data-to=\"([0-9-]+)\">\\s*<h3>Last 7 days");

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JsonMapper json;

    @Test
    void anEmptyWorkspaceShowsTheChecklistWhichPollsOnlyOnceTikTokIsConnectedAndGivesWayToTheKpis() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("home-owner");
        String org = tenants.createOrganization(owner, "Home Agency");
        String ws = tenants.createWorkspace(owner, org, "Home Brand");
        String home = "/workspaces/" + ws;

        String shell = Tenants.expect(owner.api().get(home), 200).body();
        assertThat(shell).as("the first paint names the workspace and loads the figures after it")
                .contains("Home Brand").contains("hx-get=\"" + home + "/home/overview\"").contains("hx-trigger=\"load\"")
                .doesNotContain("id=\"first-run\"");
        String empty = Tenants.expect(owner.api().get(home + "/home/overview", "HX-Request", "true"), 200).body();
        assertThat(empty).as("the fragment alone").doesNotContain("<html").contains("id=\"first-run\"").containsPattern(step("connect", false))
                .as("nothing to wait for yet").doesNotContain("hx-trigger=\"every 3s\"")
                .doesNotContain("class=\"kpis\"");
        assertThat(Tenants.expect(owner.api().get(home + "/home/checklist"), 200).body())
                .containsPattern(step("connect", false)).doesNotContain("hx-trigger");

        String connection = new SimulatorApi(port, json).connect(owner.api(), ws);
        // tests do not sync on connect (tttools.reporting.sync-on-connect is off): ask for the report sync
        Tenants.expect(owner.api().post("/api/v1/workspaces/" + ws + "/connections/" + connection + "/sync",
                Map.of("kind", "REPORTS")), 202);
        String connected = owner.api().get(home + "/home/checklist").body();
        assertThat(connected).containsPattern(step("connect", true));
        if (Pattern.compile(step("report", false)).matcher(connected).find()) {
            assertThat(connected).as("polls while the first sync runs").contains("hx-trigger=\"every 3s\"");
        }
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1)).until(
                () -> owner.api().get(home + "/home/checklist").body(),
                body -> Pattern.compile(step("report", true)).matcher(body).find() && !body.contains("hx-trigger"));

        // without JavaScript: the overview's address shows the whole home with the figures in it
        String page = Tenants.expect(owner.api().get(home + "/home/overview"), 200).body();
        assertThat(page).contains("id=\"workspace-name\"").doesNotContain("id=\"first-run\"").contains("class=\"kpis\"").contains("id=\"spend-chart\"")
                .contains("id=\"connection-health\"").contains("Connected");
        Matcher week = WEEK.matcher(page);
        assertThat(week.find()).as("the page says which dates the week covers").isTrue();
        JsonNode report = Tenants.expect(owner.api().get("/api/v1/workspaces/" + ws
                + "/reports?level=ADVERTISER&from=" + week.group(1) + "&to=" + week.group(2)
                + "&metrics=spend,impressions"), 200).json();
        JsonNode totals = report.get("totals");
        assertThat(totals.size()).as("the simulator's advertisers spent in the last week").isPositive();
        // one set of KPIs in the workspace's reporting currency: every advertiser's spend converted, counts summed
        String currency = report.get("reportingCurrency").asString();
        String spend = money(report.get("convertedTotals").get("spend").decimalValue(), currency);
        long impressionsSum = 0;
        for (Map.Entry<String, JsonNode> total : totals.properties()) {
            impressionsSum += total.getValue().get("impressions").asLong();
        }
        String impressions = NumberFormat.getIntegerInstance(Locale.US).format(impressionsSum);
        assertThat(page).contains("id=\"kpis-" + currency + "\"");
        String kpis = page.substring(page.indexOf("id=\"kpis-" + currency + "\""));
        assertThat(between(kpis, "id=\"kpi-" + currency + "-week-spend\"", "</div>")).contains(spend);
        assertThat(between(kpis, "id=\"kpi-" + currency + "-week-impressions\"", "</div>")).contains(impressions);
        // both periods show the six figures a buyer reads first, each against the period before
        for (String period : List.of("yesterday", "week")) {
            for (String metric : List.of("spend", "impressions", "clicks", "conversions", "costPerConversion", "ctr")) {
                assertThat(kpis).as(period + " " + metric).contains("id=\"kpi-" + currency + "-" + period + "-" + metric + "\"");
            }
        }
        assertThat(kpis).contains("<h3>Yesterday <span class=\"muted\">");
        // freshness at a glance, and the campaigns whose spend moved most (the simulator's campaigns spend
        // differently from week to week), with spend and CPA before and now
        assertThat(page).contains("id=\"data-as-of\"").contains("id=\"running-syncs\"");
        String movers = between(page, "id=\"top-movers\"", "</section>");
        assertThat(movers).doesNotContain("No campaign's spend changed").contains("<th scope=\"col\">CPA now</th>")
                .containsPattern("<tbody>\\s*<tr>");
    }

    /** A checklist step's mark, as a pattern. */
    private static String step(String key, boolean done) {
        return "id=\"step-" + key + "\"\\s+data-done=\"" + done + "\"";
    }

    private static String money(BigDecimal amount, String currency) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        Currency unit = Currency.getInstance(currency);
        format.setCurrency(unit);
        format.setMinimumFractionDigits(unit.getDefaultFractionDigits());
        format.setMaximumFractionDigits(unit.getDefaultFractionDigits());
        return format.format(amount);
    }

    private static String between(String page, String start, String end) {
        int from = page.indexOf(start);
        assertThat(from).as(start).isNotNegative();
        return page.substring(from, page.indexOf(end, from));
    }

}
