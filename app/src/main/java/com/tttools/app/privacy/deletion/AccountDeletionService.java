package com.tttools.app.privacy.deletion;

import com.tttools.app.audit.AuditErasure;
import com.tttools.app.bulk.BulkErasure;
import com.tttools.app.notifications.NotificationErasure;
import com.tttools.app.identity.AccountLifecycle;
import com.tttools.app.identity.PendingAccountDeletions;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.identity.UserSummary;
import com.tttools.app.privacy.AccountDeletionBlocked;
import com.tttools.app.privacy.AccountDeletionScheduled;
import com.tttools.app.privacy.AccountDeletions;
import com.tttools.app.privacy.PrivacyProperties;
import com.tttools.app.privacy.SoleMemberOrganization;
import com.tttools.app.privacy.export.ExportExpiry;
import com.tttools.app.reporting.SavedViewOwners;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.AccountMemberships;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Account deletion in two steps. The request (after re-checking password and code, and refusing while the user
 * is the last owner of an organization with other members) ends every session and token at once and writes an
 * {@code account_deletions} row; signing in during the grace period deletes that row again (identity calls
 * {@link #restore}). The daily purge then erases each due account in ONE transaction, through the facades the
 * {@code PersonalDataInventory} names: organizations in which the user is the only member, deleted as an owner's
 * deletion does it with the system as actor (tenancy), memberships and invitations (tenancy), private saved views
 * (reporting), audit actor and security events (audit), the account itself (identity), the user's exports (here).
 * Running it twice changes nothing more.
 */
@Service
class AccountDeletionService implements AccountDeletions, PendingAccountDeletions {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletionService.class);
    /** The audit actor of organizations deleted with an account. */
    static final Actor PURGE = Actor.system("job:account-deletion");

    private final JdbcClient jdbc;
    private final UserAccounts users;
    private final AccountLifecycle accounts;
    private final AccountMemberships memberships;
    private final SavedViewOwners savedViews;
    private final AuditErasure audit;
    private final BulkErasure bulk;
    private final NotificationErasure notifications;
    private final ExportExpiry exports;
    private final PrivacyProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AccountDeletionService(JdbcClient jdbc, UserAccounts users, AccountLifecycle accounts,
            AccountMemberships memberships, SavedViewOwners savedViews, AuditErasure audit, BulkErasure bulk,
            NotificationErasure notifications, ExportExpiry exports, PrivacyProperties properties, ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.accounts = accounts;
        this.memberships = memberships;
        this.savedViews = savedViews;
        this.audit = audit;
        this.bulk = bulk;
        this.notifications = notifications;
        this.exports = exports;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    static String tombstone(UserId userId) {
        return "deleted-user-" + userId.value();
    }

    @Override
    @Transactional
    public AccountDeletionScheduled request(UserId userId, String password, String totpCode, RequestMetadata request) {
        switch (users.checkCredentials(userId, password, totpCode, request)) {
            case WRONG_PASSWORD -> throw new ValidationFailedException("password", "is not your current password");
            case CODE_REQUIRED -> throw new ValidationFailedException("totpCode",
                    "is required: enter the code from your authenticator app (or a recovery code)");
            case WRONG_CODE -> throw new ValidationFailedException("totpCode", "is not valid: try the current code");
            case OK -> {
            }
        }
        var blocking = memberships.lastOwnerWithOtherMembers(userId);
        if (!blocking.isEmpty()) {
            throw new AccountDeletionBlocked(blocking.stream()
                    .map(o -> new AccountDeletionBlocked.Organization(o.id().value().toString(), o.name(),
                            "/organizations/" + o.id().value()))
                    .toList());
        }
        Instant now = clock.instant();
        Instant purgeAfter = now.plus(properties.deletionGracePeriod());
        jdbc.sql("""
                        INSERT INTO account_deletions (user_id, tombstone, requested_at, purge_after)
                        VALUES (:user, :tombstone, :now, :purgeAfter)
                        ON CONFLICT (user_id) DO UPDATE SET requested_at = :now, purge_after = :purgeAfter, purged_at = NULL""")
                .param("user", userId.value()).param("tombstone", tombstone(userId))
                .param("now", Timestamp.from(now)).param("purgeAfter", Timestamp.from(purgeAfter)).update();
        accounts.endAllAccess(userId, request);
        exports.deleteAllOf(userId.value());
        String email = users.find(userId).map(UserSummary::email).orElse(null);
        AccountDeletionScheduled scheduled = new AccountDeletionScheduled(userId, email, now, purgeAfter,
                request);
        events.publishEvent(scheduled);
        return scheduled;
    }

    @Override
    @Transactional
    public boolean restore(UserId userId) {
        return jdbc.sql("DELETE FROM account_deletions WHERE user_id = :user AND purged_at IS NULL")
                .param("user", userId.value()).update() > 0;
    }

    @Override
    public List<SoleMemberOrganization> organizationsDeletedWith(UserId userId) {
        return memberships.onlyMemberOf(userId).stream()
                .map(o -> new SoleMemberOrganization(o.id().value().toString(), o.name())).toList();
    }

    @Override
    public Optional<Instant> pendingUntil(UserId userId) {
        return jdbc.sql("SELECT purge_after FROM account_deletions WHERE user_id = :user AND purged_at IS NULL")
                .param("user", userId.value()).query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    @Override
    public int purgeDue(Instant now) {
        List<UUID> due = jdbc.sql("""
                        SELECT user_id FROM account_deletions WHERE purged_at IS NULL AND purge_after <= :now
                        ORDER BY purge_after LIMIT 500""")
                .param("now", Timestamp.from(now)).query(UUID.class).list();
        int purged = 0;
        for (UUID id : due) {
            try {
                Boolean done = transaction.execute(status -> purge(new UserId(id), now));
                purged += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not erase deleted account {}; the next run retries", id, e);
            }
        }
        return purged;
    }

    private boolean purge(UserId userId, Instant now) {
        // re-read under a row lock: a sign-in may have restored the account meanwhile
        Optional<String> tombstone = jdbc.sql("""
                        SELECT tombstone FROM account_deletions
                        WHERE user_id = :user AND purged_at IS NULL AND purge_after <= :now FOR UPDATE""")
                .param("user", userId.value()).param("now", Timestamp.from(now)).query(String.class).optional();
        if (tombstone.isEmpty()) {
            return false;
        }
        Optional<UserSummary> user = users.find(userId);
        List<String> values = new ArrayList<>();
        user.ifPresent(u -> {
            values.add(u.email());
            values.add(u.name());
        });
        String email = user.map(UserSummary::email).orElse(null);
        var deleted = memberships.deleteOrganizationsOnlyHeldBy(userId, PURGE);
        if (!deleted.isEmpty()) {
            log.info("Erasing account {}: deleted {} organization(s) it was the only member of: {}", userId,
                    deleted.size(), deleted.stream().map(o -> o.id().toString()).toList());
        }
        memberships.removeEverywhere(userId, email, tombstone.get());
        savedViews.deletePrivateViewsOf(userId);
        audit.eraseUser(userId, tombstone.get(), values);
        bulk.eraseUser(userId, tombstone.get());
        notifications.eraseUser(userId, email, tombstone.get());
        accounts.erase(userId, tombstone.get());
        exports.deleteAllOf(userId.value());
        // the event publication registry keeps delivered events (with e-mails in them): those naming the user go
        jdbc.sql("""
                        DELETE FROM event_publication WHERE completion_date IS NOT NULL
                          AND (strpos(serialized_event, :user) > 0
                               OR (:email <> '' AND strpos(lower(serialized_event), :email) > 0))""")
                .param("user", userId.toString())
                .param("email", email == null ? "" : email.toLowerCase(java.util.Locale.ROOT)).update();
        jdbc.sql("UPDATE account_deletions SET purged_at = :now WHERE user_id = :user")
                .param("now", Timestamp.from(clock.instant())).param("user", userId.value()).update();
        return true;
    }
}
