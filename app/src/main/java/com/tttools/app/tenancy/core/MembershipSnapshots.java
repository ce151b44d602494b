package com.tttools.app.tenancy.core;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.AuditableEvent;
import com.tttools.app.tenancy.OrganizationRole;
import com.tttools.app.tenancy.TenancyEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.tttools.app.platform.database.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What the layout shows of a user's tenancy on every page (the switcher's organizations and workspaces, the
 * organization's name and role in the breadcrumbs and account menu), read with one query and kept for a short
 * while per user. Display only: authorization never reads it ({@link TenantAccessService} asks the database on
 * every request), so a stale entry can at worst show a name a click then refuses. Any tenancy event drops the
 * whole cache once its transaction committed; the time limit covers changes made by another node.
 */
@Component
public class MembershipSnapshots {

    /** How long another node's change may show in this node's switcher. */
    static final Duration TIME_TO_LIVE = Duration.ofSeconds(30);

    public record WorkspaceEntry(WorkspaceId id, String name) {
    }

    public record OrganizationEntry(OrganizationId id, String name, OrganizationRole role,
            List<WorkspaceEntry> workspaces) {
    }

    /** The user's organizations (by name) with the live workspaces they see in each (by name). */
    public record Snapshot(List<OrganizationEntry> organizations) {

        public Optional<OrganizationEntry> organization(OrganizationId id) {
            return organizations.stream().filter(o -> o.id().equals(id)).findFirst();
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate acrossWorkspaces;
    private final Cache<UserId, Snapshot> cache = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(TIME_TO_LIVE).build();

    MembershipSnapshots(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // The snapshot spans every workspace of the user, but it is usually read while a page's workspace is bound
        // for row-level security: a read-only transaction of its own, labelled SYSTEM, keeps the login role.
        this.acrossWorkspaces = new TransactionTemplate(transactions);
        this.acrossWorkspaces.setName(TenantScope.SYSTEM);
        this.acrossWorkspaces.setReadOnly(true);
        this.acrossWorkspaces.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Snapshot of(UserId userId) {
        return cache.get(userId, user -> acrossWorkspaces.execute(status -> read(user)));
    }

    /**
     * After any change to organizations, workspaces or memberships (rare enough to drop everything): now, and
     * again once the transaction committed, so that a page read in between cannot keep the old state. A plain
     * listener, not a transactional one, which the event publication registry would record.
     */
    @EventListener
    void onTenancyEvent(AuditableEvent event) {
        if (event.getClass().getEnclosingClass() != TenancyEvents.class) {
            return;
        }
        cache.invalidateAll();
        RequestMemo.forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.invalidateAll();
                }
            });
        }
    }

    /** The same visibility as {@link WorkspaceRepository#visible}: all workspaces for owners and admins. */
    private Snapshot read(UserId userId) {
        record Row(UUID org, String orgName, String role, UUID workspace, String workspaceName) {
        }
        List<Row> rows = jdbc.sql("""
                SELECT o.id, o.name, om.role, w.id, w.name
                  FROM organization_members om
                  JOIN organizations o ON o.id = om.organization_id
                  LEFT JOIN workspaces w
                         ON w.organization_id = om.organization_id AND w.deleted_at IS NULL
                        AND (om.role IN ('OWNER', 'ADMIN') OR EXISTS (
                             SELECT 1 FROM workspace_members wm
                              WHERE wm.organization_id = w.organization_id AND wm.workspace_id = w.id
                                AND wm.user_id = :user))
                 WHERE om.user_id = :user
                 ORDER BY lower(o.name), o.id, lower(w.name), w.id""")
                .param("user", userId.value())
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getString(5)))
                .list();
        Map<UUID, List<WorkspaceEntry>> workspaces = new LinkedHashMap<>();
        Map<UUID, Row> organizations = new LinkedHashMap<>();
        for (Row row : rows) {
            organizations.putIfAbsent(row.org(), row);
            List<WorkspaceEntry> list = workspaces.computeIfAbsent(row.org(), k -> new ArrayList<>());
            if (row.workspace() != null) {
                list.add(new WorkspaceEntry(new WorkspaceId(row.workspace()), row.workspaceName()));
            }
        }
        return new Snapshot(organizations.values().stream()
                .map(r -> new OrganizationEntry(new OrganizationId(r.org()), r.orgName(),
                        OrganizationRole.valueOf(r.role()), List.copyOf(workspaces.get(r.org()))))
                .toList());
    }
}
