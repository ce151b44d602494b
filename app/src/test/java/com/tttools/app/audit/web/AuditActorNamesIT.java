package com.tttools.app.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.identity.AccountLifecycle;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.jobs.TestJobHandler;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.AuditEntry;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.StatementCounter;
import com.tttools.app.support.Tenants;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The audit page names its actors: the "Who" control and the events' "Who" column show the person's name with the
 * recorded address, looked up in one query for the whole page; an actor whose account is erased or unknown keeps
 * the recorded address, and the filter's value stays the user id. System actors read in words, linking to their
 * job; the CSV adds the name (or those words) as its last column.
 */
class AuditActorNamesIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    AuditLog auditLog;
    @Autowired
    AccountLifecycle accounts;
    @Autowired
    Jobs jobs;

    @Test
    void theWhoControlAndColumnShowNamesAndFallBackToTheAddress() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("actornames-owner");
        Tenants.User erased = tenants.verifiedUser("actornames-erased");
        String org = tenants.createOrganization(owner, "Actor Names Agency");
        String ws = tenants.createWorkspace(owner, org, "Actor Names Brand");
        String ownerName = "Test " + owner.email().substring(0, owner.email().indexOf('@'));
        String erasedName = "Test " + erased.email().substring(0, erased.email().indexOf('@'));
        UserId ghost = new UserId(UUID.randomUUID());
        String ghostEmail = "ghost-" + ghost.value() + "@example.com";

        record(org, ws, Actor.user(UserId.of(owner.id()), owner.email()), "connection.connected");
        record(org, ws, Actor.user(UserId.of(erased.id()), erased.email()), "connection.connected");
        record(org, ws, Actor.user(ghost, ghostEmail), "connection.connected");
        String tombstone = "tombstone-" + UUID.randomUUID();
        accounts.erase(UserId.of(erased.id()), tombstone);
        await().atMost(Duration.ofSeconds(15)).until(() -> auditLog.search(AuditQuery.of(OrganizationId.of(org))
                .withAction("workspace.created")).items().size() == 1);

        String page = Tenants.expect(owner.api().get("/organizations/" + org + "/audit", StatementCounter.HEADER,
                "1"), 200).body();
        List<String> userLookups = StatementCounter.lastRequest().stream()
                .filter(sql -> sql.toLowerCase(java.util.Locale.ROOT).matches("(?s).*from\\s+users\\b.*")).toList();

        // the control: name (address), value still the id; erased and unknown accounts by their recorded address
        assertThat(page).contains("<option value=\"" + owner.id() + "\">" + ownerName + " (" + owner.email()
                + ")</option>")
                .contains("<option value=\"" + erased.id() + "\">" + erased.email() + "</option>")
                .contains("<option value=\"" + ghost.value() + "\">" + ghostEmail + "</option>")
                .doesNotContain(erasedName).doesNotContain(tombstone);
        // the column: the name with the address below it
        assertThat(page).contains("<span>" + ownerName + "</span>")
                .contains("<small class=\"secondary\">" + owner.email() + "</small>")
                .contains(erased.email() + "</td>").contains(ghostEmail + "</td>");
        assertThat(userLookups).as("one look-up of names for the whole page").hasSize(1);

        String filtered = Tenants.expect(owner.api().get("/organizations/" + org + "/audit?actor=" + owner.id()),
                200).body();
        assertThat(filtered).contains("<option value=\"" + owner.id() + "\" selected=\"selected\">" + ownerName)
                .contains("<span>" + ownerName + "</span>").doesNotContain(ghostEmail + "</td>");
    }

    @Test
    void automaticActorsReadInWordsLinkToTheirJobAndTheCsvNamesEveryActor() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("actornames-system");
        String org = tenants.createOrganization(owner, "Automatic Actors Agency");
        String ws = tenants.createWorkspace(owner, org, "Automatic Actors Brand");
        String ownerName = "Test " + owner.email().substring(0, owner.email().indexOf('@'));
        JobView job = jobs.submit(JobRequest.of(new WorkspaceId(UUID.fromString(ws)), TestJobHandler.TYPE,
                TestJobHandler.Units.of("{\"units\": 1}")));
        UUID gone = UUID.randomUUID();

        record(org, ws, Actor.system("job:" + job.id()), "connection.status_changed");
        record(org, ws, Actor.system("job:" + gone), "connection.status_changed");
        record(org, ws, Actor.system("job:tiktok-token-refresh"), "connection.status_changed");
        record(org, ws, Actor.user(UserId.of(owner.id()), owner.email()), "connection.connected");

        String page = Tenants.expect(owner.api().get("/organizations/" + org + "/audit"), 200).body();
        // the job that still exists: its kind in words, linking to its page; a job that is gone: words, no link
        assertThat(page).contains("<a href=\"/workspaces/" + ws + "/jobs/" + job.id() + "\">Test units (automatic)</a>")
                .contains("Background job (automatic)")
                .doesNotContain("/jobs/" + gone + "\"")
                .contains("TikTok token refresh (automatic)")
                .contains("title=\"job:tiktok-token-refresh\"")
                .as("the stored text only as the tooltip").doesNotContain(">job:");

        // "Who: Automatic" keeps only what no person did; its CSV link and its next page keep that filter
        for (int i = 0; i < 50; i++) {
            record(org, ws, Actor.system("job:tiktok-connection-health"), "connection.status_changed");
        }
        String automatic = Tenants.expect(owner.api().get("/organizations/" + org + "/audit?actor=automatic"), 200)
                .body();
        assertThat(automatic).contains("<option value=\"automatic\" selected=\"selected\">Automatic")
                .contains("Connection health check (automatic)").doesNotContain("<span>" + ownerName + "</span>")
                .contains("audit-events.csv?actorId=automatic");
        java.util.regex.Matcher next = java.util.regex.Pattern.compile("id=\"next-page\"\\s+href=\"([^\"]+)\"")
                .matcher(automatic);
        assertThat(next.find()).as("a second page").isTrue();
        String older = Tenants.expect(owner.api().get(next.group(1).replace("&amp;", "&")), 200).body();
        assertThat(next.group(1)).contains("actor=automatic");
        assertThat(older).contains("TikTok token refresh (automatic)").doesNotContain("<span>" + ownerName + "</span>");
        assertThat(Tenants.expect(owner.api().get("/api/v1/organizations/" + org + "/audit-events?actorId=automatic"),
                200).json().path("items")).hasSizeGreaterThanOrEqualTo(3).allSatisfy(item -> assertThat(item.path("actor")
                .path("system").asString()).startsWith("job:"));

        String csv = Tenants.expect(owner.api().get("/api/v1/organizations/" + org + "/audit-events.csv"), 200).body();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).startsWith("id,at,actor_user_id,actor_email,actor_system,").endsWith(",actor_name");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("," + owner.email() + ",,connection.connected,")
                .endsWith("," + ownerName));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",job:tiktok-token-refresh,")
                .endsWith(",TikTok token refresh (automatic)"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",job:" + gone + ",")
                .endsWith(",Background job (automatic)"));
    }

    private void record(String org, String ws, Actor by, String action) {
        auditLog.record(new AuditEntry(action, by, "connection", "1", OrganizationId.of(org),
                new WorkspaceId(UUID.fromString(ws)), null, Map.of("scopes", List.of(1), "advertiserCount", 1), null));
    }
}
