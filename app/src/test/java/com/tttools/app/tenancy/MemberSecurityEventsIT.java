package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * An organization admin reads a member's security events from when the member joined on, and only the types
 * that bear on the organization; what happened to the account before stays the member's own.
 */
class MemberSecurityEventsIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    SecurityLog securityLog;

    Tenants.User joiner;

    @AfterEach
    void forgetFailures() {
        if (joiner != null) {
            limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, joiner.email().toLowerCase(Locale.ROOT));
        }
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_IP, "127.0.0.1");
    }

    List<SecurityEvent> ownEvents(Tenants.User user) {
        return securityLog.forUser(UserId.of(user.id()), 100, null).items();
    }

    @Test
    void eventsFromBeforeJoiningAreNotShownToTheOrganizationsAdmins() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        Tenants.User owner = tenants.verifiedUser("secev-owner");
        String organization = tenants.createOrganization(owner, "Security Events Agency");
        joiner = tenants.verifiedUser("secev-joiner");

        // before joining: a failed and a successful sign-in
        assertThat(new ApiClient(port).post("/api/v1/auth/login", Map.of("email", joiner.email(), "password",
                "not the password at all")).status()).isEqualTo(401);
        Users.loggedIn(port, joiner.email(), Users.PASSWORD);
        List<SecurityEvent> beforeJoining = await().atMost(Duration.ofSeconds(15)).until(() -> ownEvents(joiner),
                events -> events.stream().map(SecurityEvent::type).collect(Collectors.toSet())
                        .containsAll(Set.of("login.failed", "login.succeeded")));

        String token = tenants.invite(owner, organization, joiner.email(), "MEMBER", List.of());
        Tenants.expect(joiner.api().post("/api/v1/invitations/" + token + "/accept", null), 200);

        // after joining: a sign-in (shown) and a logout (not a type the organization sees)
        ApiClient later = Users.loggedIn(port, joiner.email(), Users.PASSWORD);
        Tenants.expect(later.post("/api/v1/auth/logout", null), 204);
        await().atMost(Duration.ofSeconds(15)).until(() -> ownEvents(joiner).size(),
                size -> size >= beforeJoining.size() + 2);
        List<String> afterJoiningIds = ownEvents(joiner).stream()
                .filter(e -> beforeJoining.stream().noneMatch(b -> b.id().equals(e.id())))
                .filter(e -> e.type().equals("login.succeeded")).map(e -> e.id().toString()).toList();
        assertThat(afterJoiningIds).hasSize(1);

        JsonNode items = Tenants.expect(owner.api().get("/api/v1/organizations/" + organization
                + "/security-events?limit=500"), 200).json().get("items");
        List<String> shownIds = new ArrayList<>();
        List<String> joinerTypes = new ArrayList<>();
        items.forEach(item -> {
            shownIds.add(item.get("id").asString());
            if (joiner.id().equals(item.get("userId").asString())) {
                joinerTypes.add(item.get("type").asString());
            }
        });

        assertThat(shownIds).containsAll(afterJoiningIds);
        assertThat(shownIds).doesNotContainAnyElementsOf(beforeJoining.stream().map(e -> e.id().toString()).toList());
        assertThat(joinerTypes).containsExactly("login.succeeded");
    }
}
