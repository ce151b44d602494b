package com.tttools.app.privacy.export;

import com.tttools.app.privacy.PersonalDataExportStatus.State;
import com.tttools.app.shared.JobId;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.privacy.PersonalDataExported;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.privacy.PersonalDataExport;
import com.tttools.app.privacy.PersonalDataExportStatus;
import com.tttools.app.privacy.PersonalDataExports;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.OrganizationPermission;
import com.tttools.app.tenancy.TenantAccess;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exports through the jobs module. Jobs are scoped by workspace; an export's job is scoped by a key no workspace
 * has: the owner's user id for a personal export, the organization's id for an organization export (so the
 * workspace jobs API never shows them, and idempotency and concurrency keys are per person or organization).
 * What the user sees is {@code privacy_exports}, always looked up together with its owner: another user's export
 * is simply not found.
 */
@Service
class PersonalDataExportService implements PersonalDataExports {

    private static final int MAX_IDEMPOTENCY_KEY = 200;

    private final Jobs jobs;
    private final ExportStore store;
    private final PersonalDataCollector collector;
    private final TenantAccess tenants;
    private final AuditLog audit;
    private final UserAccounts users;
    private final Clock clock;

    PersonalDataExportService(Jobs jobs, ExportStore store, PersonalDataCollector collector, TenantAccess tenants,
            AuditLog audit, UserAccounts users, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.jobs = jobs;
        this.store = store;
        this.collector = collector;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public PersonalDataExport collect(UserId userId, RequestMetadata request) {
        PersonalDataExport export = collector.collectUser(userId, (done, all) -> {
        });
        audited(userId, export, request);
        return export;
    }

    private void audited(UserId userId, PersonalDataExport export, RequestMetadata request) {
        Object email = export.sections().get("profile").isEmpty() ? null
                : export.sections().get("profile").get(0).get("email");
        audit.record(new PersonalDataExported(userId, email == null ? null : email.toString(),
                request, clock.instant()).auditEntry());
    }

    @Override
    @Transactional
    public PersonalDataExportStatus request(UserId userId, String idempotencyKey) {
        return submit(userId, null, new WorkspaceId(userId.value()), idempotencyKey);
    }

    @Override
    public Optional<PersonalDataExportStatus> find(UserId userId, String exportId) {
        return status(userId, null, new WorkspaceId(userId.value()), exportId);
    }

    @Override
    public List<PersonalDataExportStatus> recent(UserId userId, int limit) {
        return recent(userId, null, new WorkspaceId(userId.value()), limit);
    }

    @Override
    public Optional<byte[]> download(UserId userId, String exportId, RequestMetadata request) {
        Optional<byte[]> zip = parse(exportId).flatMap(id -> store.zip(id, userId.value(), null, clock.instant()));
        zip.ifPresent(bytes -> audit.record(new PersonalDataExported(userId, users.find(userId)
                .map(com.tttools.app.identity.UserSummary::email).orElse(null), request,
                clock.instant()).auditEntry()));
        return zip;
    }

    @Override
    @Transactional
    public PersonalDataExportStatus requestOrganization(UserId userId, OrganizationId organizationId,
            String idempotencyKey) {
        requireOwner(userId, organizationId);
        return submit(userId, organizationId, new WorkspaceId(organizationId.value()), idempotencyKey);
    }

    @Override
    public Optional<PersonalDataExportStatus> findOrganization(UserId userId, OrganizationId organizationId,
            String exportId) {
        requireOwner(userId, organizationId);
        return status(userId, organizationId, new WorkspaceId(organizationId.value()), exportId);
    }

    @Override
    public List<PersonalDataExportStatus> recentOrganization(UserId userId, OrganizationId organizationId, int limit) {
        requireOwner(userId, organizationId);
        return recent(userId, organizationId, new WorkspaceId(organizationId.value()), limit);
    }

    private List<PersonalDataExportStatus> recent(UserId userId, OrganizationId organizationId, WorkspaceId scope,
            int limit) {
        return store.recent(userId.value(), organizationId == null ? null : organizationId.value(), limit).stream()
                .map(row -> status(userId, organizationId, scope, row.id().toString()))
                .flatMap(Optional::stream).toList();
    }

    @Override
    public Optional<byte[]> downloadOrganization(UserId userId, OrganizationId organizationId, String exportId) {
        requireOwner(userId, organizationId);
        return parse(exportId).flatMap(id -> store.zip(id, userId.value(), organizationId.value(), clock.instant()));
    }

    private void requireOwner(UserId userId, OrganizationId organizationId) {
        tenants.requireOrganization(userId, organizationId, OrganizationPermission.EXPORT_ORGANIZATION_DATA);
    }

    private PersonalDataExportStatus submit(UserId userId, OrganizationId organizationId, WorkspaceId scope,
            String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new ValidationFailedException("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
        // one export at a time per person (or per organization and owner); the key is the caller's
        String concurrencyKey = "privacy-export:" + userId;
        String key = idempotencyKey == null ? null : "privacy-export:" + userId + ":" + idempotencyKey;
        JobView job = jobs.submit(JobRequest.of(scope, ExportJobHandler.TYPE, new ExportJobHandler.Payload(userId.value(),
                organizationId == null ? null : organizationId.value())).withConcurrencyKey(concurrencyKey)
                .withIdempotencyKey(key).withCreatedBy(userId));
        UUID id = UUID.fromString(job.id());
        store.insertIfAbsent(id, userId.value(), organizationId == null ? null : organizationId.value(), clock.instant());
        return status(userId, organizationId, scope, job.id()).orElseThrow();
    }

    private Optional<PersonalDataExportStatus> status(UserId userId, OrganizationId organizationId, WorkspaceId scope,
            String exportId) {
        Optional<UUID> id = parse(exportId);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        UUID org = organizationId == null ? null : organizationId.value();
        return store.find(id.get(), userId.value(), org).flatMap(row -> jobs.find(scope, new JobId(id.get())).map(job -> {
            Instant now = clock.instant();
            State status = switch (job.status()) {
                case QUEUED -> State.QUEUED;
                case RUNNING -> State.RUNNING;
                case SUCCEEDED -> row.hasZip() && row.expiresAt() != null && row.expiresAt().isAfter(now)
                        ? State.READY : State.EXPIRED;
                case FAILED, CANCELLED -> State.FAILED;
            };
            int progress = job.status() == JobStatus.SUCCEEDED ? 100 : percent(job.progress());
            String base = organizationId == null ? "/api/v1/me/exports/"
                    : "/api/v1/organizations/" + organizationId.value() + "/exports/";
            boolean ready = status == State.READY;
            return new PersonalDataExportStatus(exportId, status, progress, ready ? base + exportId + "/download" : null,
                    ready ? row.expiresAt() : null, row.createdAt());
        }));
    }

    private static int percent(JobView.Progress progress) {
        if (progress == null || progress.total() == null || progress.total() <= 0) {
            return 0;
        }
        return (int) Math.min(99, progress.done() * 100 / progress.total());
    }

    static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
