package com.tttools.app.tiktok;

import com.tttools.app.shared.MaskedEmail;
import com.tttools.app.identity.AuthenticatedUser;
import com.tttools.app.shared.ConnectionId;
import com.tttools.app.shared.JobId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.shared.validation.DateRange;
import com.tttools.app.shared.validation.IsoDate;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The TikTok connections of a workspace: connect (OAuth), health, manual checks, sync requests and disconnect.
 * Every call checks the caller's workspace permission (404 when the workspace is not visible, 403 below the role).
 * Audited calls take the HTTP request's {@link RequestMetadata} (the controller's argument) for the audit row.
 */
public interface TikTokConnections {

    /** Starts the OAuth flow (workspace ADMIN): the TikTok authorization page with a fresh single-use state. */
    URI startConnect(AuthenticatedUser caller, WorkspaceId workspaceId, String sessionId);

    List<ConnectionView> list(AuthenticatedUser caller, WorkspaceId workspaceId);

    ConnectionView get(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId);

    /** Runs the health check now (OPERATOR+) and returns the updated connection. */
    ConnectionView check(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId,
            RequestMetadata request);

    /** Revokes and deletes the tokens (workspace ADMIN); synced data stays. Repeating it is a no-op. */
    default void disconnect(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId,
            RequestMetadata request) {
        disconnect(caller, workspaceId, connectionId, false, request);
    }

    /**
     * Revokes and deletes the tokens (workspace ADMIN) and cancels the connection's queued and running syncs. With
     * {@code deleteData} the inventory and reports of the advertisers the connection granted are deleted right
     * after, except those of advertisers another live connection of the workspace still grants. Repeating it on a
     * disconnected connection is a no-op (nothing is deleted then).
     */
    Disconnection disconnect(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId,
            boolean deleteData, RequestMetadata request);

    /**
     * What a disconnect did: {@code dataDeleted} when the data of {@code deletedAdvertisers} is being deleted;
     * {@code keptAdvertisers} still granted by another connection, their data stays. Lists empty otherwise.
     */
    record Disconnection(boolean disconnected, boolean dataDeleted, List<String> deletedAdvertisers,
            List<String> keptAdvertisers) {

        public static Disconnection alreadyDisconnected() {
            return new Disconnection(false, false, List.of(), List.of());
        }
    }

    /**
     * Removes a DISCONNECTED connection from the list (workspace ADMIN; audited); its synced data stays. 409 while
     * it is not disconnected, 404 when unknown.
     */
    void remove(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId, RequestMetadata request);

    /**
     * The connection's latest sync of each kind ({@code ASSETS}, {@code REPORTS}) as a job, for the health centre;
     * a kind never synced is missing. Caller needs VIEW_WORKSPACE.
     */
    java.util.Map<String, com.tttools.app.jobs.JobView> lastSyncs(AuthenticatedUser caller, WorkspaceId workspaceId,
            ConnectionId connectionId);

    /** Queues an ASSETS or REPORTS sync (OPERATOR+); returns the job id. */
    JobId requestSync(AuthenticatedUser caller, WorkspaceId workspaceId, ConnectionId connectionId, SyncRequest request,
            String idempotencyKey);

    /**
     * For sync job handlers (no caller check: the job was authorised when it was queued): records a finished
     * sync, shown as {@code lastSyncAt}. Does nothing for a disconnected or unknown connection.
     */
    void recordSync(WorkspaceId workspaceId, ConnectionId connectionId, Instant finishedAt);

    /** A live connection, for scheduled work across workspaces (no caller check: system use only). */
    record ConnectionRef(WorkspaceId workspaceId, ConnectionId connectionId) {
    }

    /** Every ACTIVE connection of a live workspace, for scheduled syncs. */
    List<ConnectionRef> activeConnections();

    /**
     * For scheduled work (no caller check): whether background syncs may use the connection now. False when it is
     * unknown, disconnected, waiting for the user's reconnect (NEEDS_REAUTH) or its workspace is deleted.
     */
    boolean schedulable(WorkspaceId workspaceId, ConnectionId connectionId);

    /**
     * {@code from}/{@code to} as ISO dates (REPORTS), optional. The constraints are the request's whole validation;
     * {@link #requestSync} checks them (after the caller's permission) for the API body and the page's buttons alike.
     */
    @DateRange(field = "to", message = "must not be before from")
    @SyncRequest.RangeForReportsOnly
    record SyncRequest(
            @NotNull(message = KIND_PROBLEM) @Pattern(regexp = "ASSETS|REPORTS", message = KIND_PROBLEM) String kind,
            @IsoDate String from, @IsoDate String to) {

        static final String KIND_PROBLEM = "must be ASSETS or REPORTS";

        /** An asset sync takes no date range. */
        @Documented
        @Constraint(validatedBy = RangeForReportsOnly.Validator.class)
        @Target(ElementType.TYPE)
        @Retention(RetentionPolicy.RUNTIME)
        @interface RangeForReportsOnly {

            String message() default "a date range applies to REPORTS only";

            Class<?>[] groups() default {};

            Class<? extends Payload>[] payload() default {};

            class Validator implements ConstraintValidator<RangeForReportsOnly, SyncRequest> {
                @Override
                public boolean isValid(SyncRequest value, ConstraintValidatorContext context) {
                    if (value == null || !"ASSETS".equals(value.kind()) || (value.from() == null && value.to() == null)) {
                        return true;
                    }
                    context.disableDefaultConstraintViolation();
                    context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                            .addPropertyNode("from").addConstraintViolation();
                    return false;
                }
            }
        }
    }

    /** A connection as the API and the pages show it ({@code status} serialises as its enum name). */
    record ConnectionView(String id, String provider, String kind, ConnectionStatus status, List<Scope> scopes,
            int advertiserCount, List<String> advertisers, List<String> newAdvertisers,
            List<String> lostAdvertisers, Instant tokenExpiresAt, Instant connectedAt, Person connectedBy,
            Instant lastSyncAt, Instant lastSuccessAt, Instant lastCheckedAt, LastError lastError) {

        /** The typed id, for calls back into {@link TikTokConnections} (the API shows {@link #id()}). */
        public ConnectionId connectionId() {
            return ConnectionId.of(id);
        }

        /** Tokens revoked and deleted; only removing it from the list is left. */
        public boolean disconnected() {
            return status == ConnectionStatus.DISCONNECTED;
        }

        /** TikTok accepts the grant: syncs can be requested. */
        public boolean active() {
            return status == ConnectionStatus.ACTIVE;
        }
    }

    /** A granted permission scope: TikTok's numeric id and, where known, its name. */
    record Scope(long id, String name) {
    }

    record Person(String id, String name, String email) {
        @Override
        public String toString() {
            return "Person[id=" + id + ", email=" + MaskedEmail.of(email) + "]";
        }
    }

    record LastError(Integer code, String message, String requestId, Instant at) {
    }
}
