package com.tttools.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Tenants;
import com.tttools.app.support.Tenants.User;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Security check 27 for every PATCH operation of {@code /v3/api-docs}: a body carrying, next to the endpoint's own
 * field, {@code id}, {@code tenantId}, {@code organizationId}, {@code workspaceId}, {@code userId}, {@code ownerId},
 * {@code createdBy}, {@code createdAt}, {@code role}, {@code email} and the like changes only what the endpoint is
 * for: every other column of the rows involved, and every row of the other people, stays as it was. A PATCH operation
 * this test does not know fails it, so a new one gets its case here.
 */
class PatchMassAssignmentIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPatchBodyChangesOnlyWhatTheEndpointIsFor() {
        Tenants tenants = new Tenants(port, (DevMailbox) mailer, limiter);
        User owner = tenants.verifiedUser("patch-owner");
        String orgId = tenants.createOrganization(owner, "Patch Ltd");
        String wsId = tenants.createWorkspace(owner, orgId, "Patch ws");
        User member = tenants.member(owner, orgId, "patch-member", "MEMBER",
                List.of(Map.of("workspaceId", wsId, "role", "ANALYST")));
        User outsider = tenants.verifiedUser("patch-outsider");
        String otherOrg = tenants.createOrganization(outsider, "Other Ltd");

        JsonNode docs = owner.api().get("/v3/api-docs").json();
        Set<String> patches = new TreeSet<>();
        docs.path("paths").properties().forEach(path -> {
            if (path.getValue().has("patch")) {
                patches.add(path.getKey());
            }
        });
        assertThat(patches).as("the PATCH operations this test covers")
                .containsExactlyInAnyOrder("/api/v1/me", "/api/v1/organizations/{orgId}/members/{userId}");

        // PATCH /api/v1/me is for the caller's name
        Map<String, String> before = snapshot(owner, member, outsider, orgId, otherOrg);
        ApiClient.Response named = member.api().patch("/api/v1/me", hostile(Map.of("name", "Renamed Member"),
                owner, orgId, otherOrg, wsId));
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.json().path("id").asString()).isEqualTo(member.id());
        assertThat(column("users", "name", member.id())).isEqualTo("Renamed Member");
        assertThat(snapshot(owner, member, outsider, orgId, otherOrg)).isEqualTo(before);

        // PATCH /api/v1/organizations/{orgId}/members/{userId} is for that member's organization role
        before = snapshot(owner, member, outsider, orgId, otherOrg);
        ApiClient.Response promoted = owner.api().patch("/api/v1/organizations/" + orgId + "/members/" + member.id(),
                hostile(Map.of("role", "ADMIN"), owner, orgId, otherOrg, wsId));
        assertThat(promoted.status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT role FROM organization_members WHERE organization_id = :o AND user_id = :u")
                .param("o", UUID.fromString(orgId)).param("u", UUID.fromString(member.id())).query(String.class)
                .single()).isEqualTo("ADMIN");
        assertThat(snapshot(owner, member, outsider, orgId, otherOrg)).isEqualTo(before);
    }

    /** The endpoint's own fields plus every field a mass assignment would try, each pointing somewhere else. */
    private static Map<String, Object> hostile(Map<String, Object> purpose, User owner, String orgId, String otherOrg,
            String wsId) {
        Map<String, Object> body = new HashMap<>();
        String stranger = UUID.randomUUID().toString();
        body.put("id", stranger);
        body.put("tenantId", otherOrg);
        body.put("organizationId", otherOrg);
        body.put("orgId", otherOrg);
        body.put("workspaceId", wsId);
        body.put("userId", owner.id());
        body.put("ownerId", stranger);
        body.put("createdBy", stranger);
        body.put("createdAt", "2001-01-01T00:00:00Z");
        body.put("joinedAt", "2001-01-01T00:00:00Z");
        body.put("email", "taken-over@example.com");
        body.put("emailVerified", false);
        body.put("passwordHash", "$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA");
        body.put("twoFactorEnabled", false);
        body.put("role", "OWNER");
        body.put("organizationRole", "OWNER");
        body.put("workspaces", List.of(Map.of("workspaceId", wsId, "role", "ADMIN")));
        body.putAll(purpose);
        return body;
    }

    /**
     * Every row of the people and organizations involved, as JSON, without the columns the two endpoints exist to
     * change (a user's name and its updated_at; a membership's role).
     */
    private Map<String, String> snapshot(User owner, User member, User outsider, String orgId, String otherOrg) {
        Map<String, String> rows = new HashMap<>();
        for (User user : List.of(owner, member, outsider)) {
            UUID id = UUID.fromString(user.id());
            rows.put("users " + user.email(), jdbc.sql("SELECT (to_jsonb(u) - 'name' - 'updated_at')::text FROM users u WHERE id = :id")
                    .param("id", id).query(String.class).single());
            rows.put("sessions and tokens " + user.email(), jdbc.sql("""
                            SELECT (SELECT count(*) FROM personal_access_tokens WHERE user_id = :id) || '/'
                                   || (SELECT count(*) FROM workspace_members WHERE user_id = :id)""")
                    .param("id", id).query(String.class).single());
        }
        for (String org : List.of(orgId, otherOrg)) {
            UUID id = UUID.fromString(org);
            rows.put("organization " + org, jdbc.sql("SELECT to_jsonb(o)::text FROM organizations o WHERE id = :id")
                    .param("id", id).query(String.class).single());
            rows.put("members " + org, jdbc.sql("""
                            SELECT string_agg((to_jsonb(m) - 'role')::text, ',' ORDER BY user_id) FROM organization_members m
                            WHERE organization_id = :id""").param("id", id).query(String.class).single());
            rows.put("owners " + org, jdbc.sql("""
                            SELECT string_agg(user_id::text, ',' ORDER BY user_id) FROM organization_members
                            WHERE organization_id = :id AND role = 'OWNER'""").param("id", id).query(String.class).single());
            rows.put("workspaces " + org, jdbc.sql("""
                            SELECT coalesce(string_agg(to_jsonb(w)::text, ',' ORDER BY id), '') FROM workspaces w
                            WHERE organization_id = :id""").param("id", id).query(String.class).single());
            rows.put("workspace members " + org, jdbc.sql("""
                            SELECT coalesce(string_agg(to_jsonb(wm)::text, ',' ORDER BY wm.user_id), '') FROM workspace_members wm
                            JOIN workspaces w ON w.id = wm.workspace_id WHERE w.organization_id = :id""")
                    .param("id", id).query(String.class).single());
        }
        return rows;
    }

    private String column(String table, String column, String id) {
        return jdbc.sql("SELECT " + column + " FROM " + table + " WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }
}
