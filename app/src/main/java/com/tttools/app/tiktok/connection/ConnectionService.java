package com.tttools.app.tiktok.connection;

import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.FieldProblem;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.validation.IdempotencyKey;
import com.tttools.app.shared.validation.IsoDate;
import com.tttools.app.tenancy.TenantAccess;
import com.tttools.app.tenancy.WorkspaceAccess;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.ConnectionStatus;
import com.tttools.app.tiktok.SyncLauncher;
import com.tttools.app.tiktok.TikTokConnections;
import java.net.URI;
import java.time.Clock;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** {@link TikTokConnections}: permission checks, then the flow, health and disconnect services. */
@Service
class ConnectionService implements TikTokConnections {

    /** Problems listed in the order of the request's fields. */
    private static final List<String> FIELD_ORDER = List.of("kind", "from", "to");

    private final TenantAccess access;
    private final ConnectFlow flow;
    private final ConnectionRepository connections;
    private final ConnectionHealth health;
    private final Disconnector disconnector;
    private final SyncLaunchers launchers;
    private final UserAccounts users;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Validator validator;

    ConnectionService(TenantAccess access, ConnectFlow flow, ConnectionRepository connections,
            ConnectionHealth health, Disconnector disconnector, SyncLaunchers launchers, UserAccounts users, Clock clock,
            org.springframework.context.ApplicationEventPublisher events, Validator validator) {
        this.events = events;
        this.validator = validator;
        this.access = access;
        this.flow = flow;
        this.connections = connections;
        this.health = health;
        this.disconnector = disconnector;
        this.launchers = launchers;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public URI startConnect(AuthenticatedUser caller, WorkspaceId workspaceId, String sessionId) {
        return flow.start(caller, workspaceId, sessionId);
    }

    @Override
    public List<ConnectionView> list(AuthenticatedUser caller, WorkspaceId workspaceId) {
        access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE);
        return views(connections.list(workspaceId));
    }

    @Override
    public ConnectionView get(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId) {
        access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE);
        return views(List.of(find(workspaceId, connectionId))).get(0);
    }

    @Override
    public ConnectionView check(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId,
            RequestMetadata request) {
        access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.TRIGGER_SYNC);
        ConnectionRow row = find(workspaceId, connectionId);
        if (row.status() == ConnectionStatus.DISCONNECTED) {
            throw new ConflictException("The connection is disconnected.");
        }
        health.check(workspaceId, connectionId.value(), clock.instant(), Actor.user(caller.id(), caller.email()), request);
        return views(List.of(find(workspaceId, connectionId))).get(0);
    }

    @Override
    public Disconnection disconnect(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId,
            boolean deleteData, RequestMetadata request) {
        access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.MANAGE_CONNECTIONS);
        return disconnector.disconnect(workspaceId, connectionId.value(), deleteData,
                Actor.user(caller.id(), caller.email()), request, clock.instant());
    }

    @Override
    @org.springframework.transaction.annotation.Transactional
    public void remove(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId,
            RequestMetadata request) {
        WorkspaceAccess ws = access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.MANAGE_CONNECTIONS);
        ConnectionRow row = find(workspaceId, connectionId);
        if (row.status() != ConnectionStatus.DISCONNECTED) {
            throw new ConflictException("Only a disconnected connection can be removed; disconnect it first.");
        }
        if (connections.deleteDisconnected(workspaceId, connectionId.value())) {
            events.publishEvent(new com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionRemoved(connectionId.value(),
                    workspaceId, ws.organizationId(), row.grantedAdvertisers().size(),
                    Actor.user(caller.id(), caller.email()), request, clock.instant()));
        }
    }

    @Override
    public java.util.Map<String, com.tttools.app.jobs.JobView> lastSyncs(AuthenticatedUser caller,
            WorkspaceId workspaceId, ConnectionId connectionId) {
        access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.VIEW_WORKSPACE);
        java.util.Map<String, com.tttools.app.jobs.JobView> last = new java.util.TreeMap<>();
        for (SyncLauncher launcher : launchers.all()) {
            launcher.last(workspaceId, connectionId).ifPresent(job -> last.put(launcher.kind().name(), job));
        }
        return last;
    }

    @Override
    public JobId requestSync(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId,
            SyncRequest request, String idempotencyKey) {
        access.requireWorkspace(caller.id(), workspaceId, WorkspacePermission.TRIGGER_SYNC);
        SyncRequest sync = request == null ? new SyncRequest(null, null, null) : request;
        validate(sync, idempotencyKey);
        ConnectionRow row = find(workspaceId, connectionId);
        if (row.status() == ConnectionStatus.DISCONNECTED) {
            throw new ConflictException("The connection is disconnected; connect TikTok again to sync.");
        }
        return launchers.of(SyncLauncher.Kind.valueOf(sync.kind())).launch(workspaceId, connectionId,
                IsoDate.Validator.parse(sync.from()), IsoDate.Validator.parse(sync.to()), idempotencyKey, caller.id());
    }

    @Override
    public void recordSync(WorkspaceId workspaceId, ConnectionId connectionId, java.time.Instant finishedAt) {
        connections.recordSync(workspaceId, connectionId.value(), finishedAt);
    }

    @Override
    public List<ConnectionRef> activeConnections() {
        return connections.active();
    }

    @Override
    public boolean schedulable(WorkspaceId workspaceId, ConnectionId connectionId) {
        return connections.find(workspaceId, connectionId.value()).filter(ConnectionRow::schedulable).isPresent();
    }

    /** The request record's constraints and the header's, all problems at once (as the API answers them). */
    private void validate(SyncRequest request, String idempotencyKey) {
        List<FieldProblem> problems = new ArrayList<>(validator.validate(request).stream()
                .map(v -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(p -> FIELD_ORDER.indexOf(p.field()))).toList());
        IdempotencyKey.Validator.problem(idempotencyKey)
                .ifPresent(problem -> problems.add(new FieldProblem(IdempotencyKey.FIELD, problem)));
        if (!problems.isEmpty()) {
            throw new ValidationFailedException(problems);
        }
    }

    private ConnectionRow find(WorkspaceId workspaceId, ConnectionId connectionId) {
        return connections.find(workspaceId, connectionId.value()).orElseThrow(() -> new NotFoundException("Connection"));
    }

    private List<ConnectionView> views(List<ConnectionRow> rows) {
        Map<UUID, UserSummary> people = users.findAll(rows.stream().map(r -> new UserId(r.connectedBy())).toList())
                .stream().collect(Collectors.toMap(u -> u.id().value(), Function.identity(), (a, b) -> a));
        return rows.stream().map(row -> view(row, people.get(row.connectedBy()))).toList();
    }

    private static ConnectionView view(ConnectionRow row, UserSummary by) {
        List<String> advertisers = row.status() == ConnectionStatus.DISCONNECTED ? List.of()
                : row.currentAdvertisers();
        LastError error = row.lastErrorAt() == null ? null
                : new LastError(row.lastErrorCode(), row.lastErrorMessage(), row.lastErrorRequestId(), row.lastErrorAt());
        return new ConnectionView(row.id().toString(), "tiktok", row.kind(), row.status(),
                row.scopes().stream().map(id -> new Scope(id, ScopeNames.name(id))).toList(), advertisers.size(),
                advertisers, row.newAdvertisers(), row.lostAdvertisers(), row.tokenExpiresAt(), row.connectedAt(),
                new Person(row.connectedBy().toString(), by == null ? null : by.name(), by == null ? null : by.email()),
                row.lastSyncAt(), row.lastSuccessAt(), row.lastCheckedAt(), error);
    }
}
