package com.tttools.app.tenancy.core;

import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.AccountMemberships;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AccountMembershipsService implements AccountMemberships {

    private static final RowMapper<OwnedOrganization> OWNED_ORGANIZATION = (rs, n) -> new OwnedOrganization(
            new OrganizationId(rs.getObject("id", UUID.class)), rs.getString("name"));

    private final JdbcClient jdbc;
    private final OrganizationService organizations;

    AccountMembershipsService(JdbcClient jdbc, OrganizationService organizations) {
        this.jdbc = jdbc;
        this.organizations = organizations;
    }

    @Override
    public List<OwnedOrganization> onlyMemberOf(UserId userId) {
        return jdbc.sql("""
                        SELECT o.id, o.name
                        FROM organization_members m
                        JOIN organizations o ON o.id = m.organization_id
                        WHERE m.user_id = :user
                          AND NOT EXISTS (SELECT 1 FROM organization_members other
                                          WHERE other.organization_id = m.organization_id AND other.user_id <> :user)
                        ORDER BY lower(o.name), o.id""")
                .param("user", userId.value())
                .query(OWNED_ORGANIZATION)
                .list();
    }

    @Override
    @Transactional
    public List<OwnedOrganization> deleteOrganizationsOnlyHeldBy(UserId userId, Actor actor) {
        List<OwnedOrganization> deleted = new ArrayList<>();
        for (OwnedOrganization candidate : onlyMemberOf(userId)) {
            organizations.deleteIfOnlyMember(candidate.id(), userId, actor, RequestMetadata.none())
                    .ifPresent(name -> deleted.add(new OwnedOrganization(candidate.id(), name)));
        }
        return deleted;
    }

    @Override
    public List<OwnedOrganization> lastOwnerWithOtherMembers(UserId userId) {
        return jdbc.sql("""
                        SELECT o.id, o.name
                        FROM organization_members m
                        JOIN organizations o ON o.id = m.organization_id
                        WHERE m.user_id = :user AND m.role = 'OWNER'
                          AND NOT EXISTS (SELECT 1 FROM organization_members other
                                          WHERE other.organization_id = m.organization_id AND other.user_id <> :user
                                            AND other.role = 'OWNER')
                          AND EXISTS (SELECT 1 FROM organization_members other
                                      WHERE other.organization_id = m.organization_id AND other.user_id <> :user)
                        ORDER BY o.name""")
                .param("user", userId.value())
                .query(OWNED_ORGANIZATION)
                .list();
    }

    @Override
    @Transactional
    public void removeEverywhere(UserId userId, String email, String tombstone) {
        jdbc.sql("DELETE FROM organization_members WHERE user_id = :user").param("user", userId.value()).update();
        jdbc.sql("DELETE FROM user_workspace_preferences WHERE user_id = :user").param("user", userId.value()).update();
        if (email != null && !email.isBlank()) {
            jdbc.sql("""
                            UPDATE invitations SET email = :tombstone, email_normalized = :tombstone
                            WHERE email_normalized = :email""")
                    .param("tombstone", tombstone + "@deleted.invalid")
                    .param("email", email.strip().toLowerCase(Locale.ROOT)).update();
        }
    }
}
