package com.tttools.app.privacy.export;

import com.tttools.app.identity.AccountLifecycle;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.privacy.PersonalDataExport;
import com.tttools.app.privacy.PersonalDataInventory;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Collects the sections of an export. Other modules' tables are READ here with plain SQL by user id (or
 * organization id), read-only, like reporting's read of inventory (docs/architecture.md, docs/privacy.md); session
 * metadata comes through identity's {@link AccountLifecycle}, because sessions are Spring Session's serialized
 * attributes. The sections and fields are those of {@link PersonalDataInventory}; secrets (password hash, token
 * hashes, session ids, two-factor secrets) are never selected, and audit details (which can name other people)
 * are left out.
 */
@Component
public class PersonalDataCollector {

    private static final Map<String, String> USER_SECTIONS = new LinkedHashMap<>();

    static {
        USER_SECTIONS.put("profile", """
                SELECT id, email, name, email_verified_at, password_changed_at, created_at, updated_at
                FROM users WHERE id = :user""");
        USER_SECTIONS.put("organization_memberships", """
                SELECT m.organization_id, o.name AS organization_name, m.role, m.joined_at
                FROM organization_members m JOIN organizations o ON o.id = m.organization_id
                WHERE m.user_id = :user ORDER BY o.name""");
        USER_SECTIONS.put("workspace_memberships", """
                SELECT wm.workspace_id, w.name AS workspace_name, o.name AS organization_name, wm.role, wm.added_at
                FROM workspace_members wm
                JOIN workspaces w ON w.id = wm.workspace_id
                JOIN organizations o ON o.id = wm.organization_id
                WHERE wm.user_id = :user ORDER BY o.name, w.name""");
        USER_SECTIONS.put("sessions", null);
        USER_SECTIONS.put("security_events", """
                SELECT type, occurred_at, email, ip, user_agent, details::text AS details
                FROM security_events WHERE user_id = :user ORDER BY occurred_at, id""");
        USER_SECTIONS.put("audit_events", """
                SELECT id, occurred_at, organization_id, workspace_id, action, target_type, target_id, actor_email,
                       ip, user_agent
                FROM audit_events WHERE actor_user_id = :user ORDER BY occurred_at, id""");
        USER_SECTIONS.put("personal_access_tokens", """
                SELECT id, name, read_only, created_at, expires_at, last_used_at, last_used_ip, revoked_at
                FROM personal_access_tokens WHERE user_id = :user ORDER BY created_at, id""");
        USER_SECTIONS.put("saved_views", """
                SELECT v.id, v.name, v.visibility, w.name AS workspace_name, v.query::text AS query, v.created_at
                FROM report_views v LEFT JOIN workspaces w ON w.id = v.workspace_id
                WHERE v.owner_id = :user ORDER BY v.created_at, v.id""");
        USER_SECTIONS.put("invitations", """
                SELECT i.id, o.name AS organization_name, i.email, i.role, i.created_at, i.expires_at, i.accepted_at,
                       i.revoked_at
                FROM invitations i JOIN organizations o ON o.id = i.organization_id
                WHERE i.email_normalized = (SELECT email_normalized FROM users WHERE id = :user)
                ORDER BY i.created_at, i.id""");
        USER_SECTIONS.put("email_changes", """
                SELECT new_email, created_at, expires_at, used_at
                FROM user_email_tokens WHERE user_id = :user AND purpose = 'CHANGE_EMAIL'
                ORDER BY created_at, id""");
        if (!List.copyOf(USER_SECTIONS.keySet()).equals(PersonalDataInventory.SECTIONS)) {
            throw new IllegalStateException("The export's sections differ from PersonalDataInventory.SECTIONS");
        }
    }

    private static final Map<String, String> ORGANIZATION_SECTIONS = new LinkedHashMap<>();

    static {
        ORGANIZATION_SECTIONS.put("organization", """
                SELECT o.id, o.name, o.created_at,
                       (SELECT r.days FROM audit_retention r WHERE r.organization_id = o.id) AS audit_retention_days
                FROM organizations o WHERE o.id = :org""");
        ORGANIZATION_SECTIONS.put("members", """
                SELECT m.user_id, u.name, u.email, m.role, m.joined_at
                FROM organization_members m JOIN users u ON u.id = m.user_id
                WHERE m.organization_id = :org ORDER BY u.name, m.user_id""");
        ORGANIZATION_SECTIONS.put("workspaces", """
                SELECT id, name, timezone, currency, created_at, deleted_at
                FROM workspaces WHERE organization_id = :org ORDER BY name, id""");
        ORGANIZATION_SECTIONS.put("workspace_members", """
                SELECT wm.workspace_id, w.name AS workspace_name, wm.user_id, wm.role, wm.added_at
                FROM workspace_members wm JOIN workspaces w ON w.id = wm.workspace_id
                WHERE wm.organization_id = :org ORDER BY w.name, wm.user_id""");
        ORGANIZATION_SECTIONS.put("invitations", """
                SELECT id, email, role, workspace_grants::text AS workspace_grants, invited_by, created_at, expires_at,
                       accepted_at, accepted_by, revoked_at
                FROM invitations WHERE organization_id = :org ORDER BY created_at, id""");
        ORGANIZATION_SECTIONS.put("audit_log", """
                SELECT id, seq, occurred_at, workspace_id, actor_user_id, actor_email, actor_system, action,
                       target_type, target_id, ip, user_agent, request_id, details::text AS details
                FROM audit_events WHERE organization_id = :org ORDER BY seq""");
    }

    private final JdbcClient jdbc;
    private final AccountLifecycle accounts;
    private final UserAccounts users;
    private final Clock clock;

    PersonalDataCollector(JdbcClient jdbc, AccountLifecycle accounts, UserAccounts users, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.users = users;
        this.clock = clock;
    }

    public static int userSectionCount() {
        return USER_SECTIONS.size();
    }

    public static int organizationSectionCount() {
        return ORGANIZATION_SECTIONS.size();
    }

    /** @param afterSection called with (sections done, sections in all) after each section, for progress */
    public PersonalDataExport collectUser(UserId userId, BiConsumer<Integer, Integer> afterSection) {
        UserSummary user = users.find(userId).orElseThrow(() -> new NotFoundException("User"));
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        int done = 0;
        for (Map.Entry<String, String> section : USER_SECTIONS.entrySet()) {
            List<Map<String, Object>> rows = section.getValue() == null ? sessions(userId)
                    : jdbc.sql(section.getValue()).param("user", userId.value()).query(Rows::map).list();
            if (section.getKey().equals("profile")) {
                rows.forEach(row -> row.put("two_factor_enabled", user.twoFactorEnabled()));
            }
            sections.put(section.getKey(), rows);
            afterSection.accept(++done, USER_SECTIONS.size());
        }
        return new PersonalDataExport(PersonalDataExport.USER_FORMAT, clock.instant(), userId.toString(), sections);
    }

    public PersonalDataExport collectOrganization(OrganizationId organizationId,
            BiConsumer<Integer, Integer> afterSection) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        int done = 0;
        for (Map.Entry<String, String> section : ORGANIZATION_SECTIONS.entrySet()) {
            sections.put(section.getKey(),
                    jdbc.sql(section.getValue()).param("org", organizationId.value()).query(Rows::map).list());
            afterSection.accept(++done, ORGANIZATION_SECTIONS.size());
        }
        return new PersonalDataExport(PersonalDataExport.ORGANIZATION_FORMAT, clock.instant(),
                organizationId.value().toString(), sections);
    }

    private List<Map<String, Object>> sessions(UserId userId) {
        return accounts.sessions(userId).stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ip", s.ip());
            row.put("user_agent", s.userAgent());
            row.put("created_at", s.createdAt() == null ? null : s.createdAt().toString());
            row.put("last_seen_at", s.lastSeenAt() == null ? null : s.lastSeenAt().toString());
            return row;
        }).collect(java.util.stream.Collectors.toList());
    }
}
