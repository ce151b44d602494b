package com.tttools.app.support;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.Users;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds tenants for tests through the public API: verified users, organizations, workspaces, invitations. */
public final class Tenants {

    private static final Pattern INVITATION_LINK = Pattern.compile("/invitations/([A-Za-z0-9_-]{20,})");

    private final int port;
    private final DevMailbox mailbox;
    private final RateLimiter limiter;

    public Tenants(int port, DevMailbox mailbox, RateLimiter limiter) {
        this.port = port;
        this.mailbox = mailbox;
        this.limiter = limiter;
    }

    public record User(String id, String email, ApiClient api) {
    }

    /** A signed-up user whose email is verified (through the link in the dev mailbox). */
    public User verifiedUser(String prefix) {
        String email = Users.uniqueEmail(prefix);
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
        ApiClient api = Users.signedUp(port, email);
        String token = com.tttools.app.support.Mailbox.tokenIn(
                com.tttools.app.support.Mailbox.latestTo(mailbox, email, "Confirm your TTtools email"));
        expect(api.post("/api/v1/auth/verify-email", Map.of("token", token)), 204);
        String id = api.get("/api/v1/me").json().get("id").asString();
        return new User(id, email, api);
    }

    public String createOrganization(User owner, String name) {
        return expect(owner.api().post("/api/v1/organizations", Map.of("name", name)), 201).json().get("id").asString();
    }

    public String createWorkspace(User admin, String orgId, String name) {
        return expect(admin.api().post("/api/v1/organizations/" + orgId + "/workspaces",
                Map.of("name", name, "timezone", "Europe/Berlin", "currency", "EUR")), 201).json().get("id").asString();
    }

    /** Invites and returns the token from the email, as the invitee would click it. */
    public String invite(User admin, String orgId, String email, String role, List<Map<String, String>> workspaces) {
        expect(admin.api().post("/api/v1/organizations/" + orgId + "/invitations",
                Map.of("email", email, "role", role, "workspaces", workspaces)), 201);
        return invitationToken(email);
    }

    public String invitationToken(String email) {
        return invitationToken(email, 1);
    }

    /**
     * The link of the newest invitation mail once {@code count} of them reached the address: mail goes out after
     * commit through the outbox, so after a resend the newest one may still be on its way.
     */
    public String invitationToken(String email, int count) {
        var message = com.tttools.app.support.Mailbox.latestTo(mailbox, email, "You're invited", count);
        Matcher matcher = INVITATION_LINK.matcher(message.text());
        if (!matcher.find()) {
            throw new AssertionError("No invitation link in the email");
        }
        return matcher.group(1);
    }

    /**
     * The token of the invitation mail that replaced {@code previous} (a resend). The outbox sends each mail on its
     * own, so the resent one may arrive before or after the first: the newest mail is not necessarily the live link.
     */
    public String resentInvitationToken(String email, String previous) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> mailbox.messages()
                .stream().map(com.tttools.app.platform.mail.DevMailbox.Delivered::message)
                .filter(m -> m.to().equalsIgnoreCase(email) && m.subject().contains("You're invited"))
                .map(m -> INVITATION_LINK.matcher(m.text()))
                .filter(Matcher::find).map(m -> m.group(1))
                .filter(token -> !token.equals(previous)).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** A verified owner, their organization and one workspace in it (Europe/Berlin, EUR). */
    public record Workspace(User owner, String orgId, String id) {
    }

    /** The usual start of a page test: {@code prefix-owner} owns {@code name} Agency and its {@code name} Brand. */
    public Workspace ownedWorkspace(String prefix, String name) {
        User owner = verifiedUser(prefix + "-owner");
        String org = createOrganization(owner, name + " Agency");
        return new Workspace(owner, org, createWorkspace(owner, org, name + " Brand"));
    }

    /** A member of the workspace's organization who is an analyst of that workspace only. */
    public User analyst(Workspace workspace, String prefix) {
        return member(workspace.owner(), workspace.orgId(), prefix + "-analyst", "MEMBER",
                List.of(Map.of("workspaceId", workspace.id(), "role", "ANALYST")));
    }

    /** A verified user who joined the organization with the given roles. */
    public User member(User admin, String orgId, String prefix, String orgRole, List<Map<String, String>> workspaces) {
        User user = verifiedUser(prefix);
        String token = invite(admin, orgId, user.email(), orgRole, workspaces);
        expect(user.api().post("/api/v1/invitations/" + token + "/accept", null), 200);
        return user;
    }

    public static ApiClient.Response expect(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("Expected " + status + " but got " + response.status() + ": " + response.body());
        }
        return response;
    }
}
