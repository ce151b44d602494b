package com.tttools.app.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.AuditQuery;
import com.tttools.app.identity.AccountLifecycle;
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
 * the recorded address, and the filter's value stays the user id.
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

    private void record(String org, String ws, Actor by, String action) {
        auditLog.record(new AuditEntry(action, by, "connection", "1", OrganizationId.of(org),
                new WorkspaceId(UUID.fromString(ws)), null, Map.of("scopes", List.of(1), "advertiserCount", 1), null));
    }
}
