package com.tttools.app.tiktok.connection;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.tttools.app.platform.crypto.AssociatedData;
import com.tttools.app.platform.crypto.DecryptionFailedException;
import com.tttools.app.platform.crypto.SealedValue;
import com.tttools.app.platform.crypto.TokenVault;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.NeedsReauthorizationException;
import com.tttools.app.tiktok.TikTokApiException;
import com.tttools.app.tiktok.client.TikTokOAuth;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Revocations TikTok did not confirm at disconnect time. The token is kept sealed in
 * {@code tiktok_pending_revocation} (never in the task's data) and the one-time task {@value #TASK} retries it with
 * backoff; the row goes once TikTok confirmed, the token turned out dead already, or after {@value #MAX_ATTEMPTS}
 * attempts.
 */
@Configuration(proxyBeanMethods = false)
class PendingRevocations {

    static final String TASK = "tiktok-token-revocation";
    static final int MAX_ATTEMPTS = 5;
    private static final String PURPOSE = "tiktok.pending_revocation";
    private static final Logger log = LoggerFactory.getLogger(PendingRevocations.class);

    private final JdbcClient jdbc;
    private final TokenVault vault;
    private final TikTokOAuth oauth;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    PendingRevocations(JdbcClient jdbc, TokenVault vault, TikTokOAuth oauth, ObjectProvider<SchedulerClient> scheduler,
            Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.oauth = oauth;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<String> tiktokTokenRevocation() {
        return Tasks.oneTime(TASK, String.class)
                .execute((instance, context) -> {
                    String data = instance.getData();
                    int slash = data.indexOf('/');
                    if (slash < 0) {
                        // scheduled before the data carried the workspace: look it up once by id
                        UUID id = UUID.fromString(data);
                        jdbc.sql("SELECT workspace_id FROM tiktok_pending_revocation WHERE id = :id").param("id", id)
                                .query(UUID.class).optional()
                                .ifPresent(ws -> attempt(new WorkspaceId(ws), id, clock.instant()));
                        return;
                    }
                    attempt(WorkspaceId.of(data.substring(0, slash)), UUID.fromString(data.substring(slash + 1)),
                            clock.instant());
                });
    }

    /** Keeps the token sealed for the retry task and schedules it; joins the caller's transaction. */
    UUID add(WorkspaceId workspaceId, UUID connectionId, AccessToken token, Instant now) {
        UUID id = UUID.randomUUID();
        SealedValue sealed = vault.seal(token.value(), context(workspaceId, id));
        jdbc.sql("""
                        INSERT INTO tiktok_pending_revocation (id, workspace_id, connection_id, key_id, nonce,
                            ciphertext, attempts, created_at)
                        VALUES (:id, :workspaceId, :connectionId, :keyId, :nonce, :ciphertext, 0, :now)""")
                .param("id", id)
                .param("workspaceId", workspaceId.value())
                .param("connectionId", connectionId)
                .param("keyId", sealed.keyId())
                .param("nonce", sealed.nonce())
                .param("ciphertext", sealed.ciphertext())
                .param("now", Timestamp.from(now))
                .update();
        schedule(workspaceId, id, 0, now.plus(backoff(0)));
        return id;
    }

    /** One revocation attempt; returns true when the row is gone afterwards. */
    boolean attempt(WorkspaceId workspaceId, UUID id, Instant now) {
        Optional<Pending> pending = jdbc.sql("""
                        SELECT workspace_id, key_id, nonce, ciphertext, attempts FROM tiktok_pending_revocation
                        WHERE workspace_id = :workspaceId AND id = :id""")
                .param("workspaceId", workspaceId.value())
                .param("id", id)
                .query((rs, n) -> new Pending(new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new SealedValue(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")),
                        rs.getInt("attempts")))
                .optional();
        if (pending.isEmpty()) {
            return true;
        }
        Pending p = pending.get();
        try {
            oauth.revoke(new AccessToken(vault.open(p.sealed(), context(p.workspaceId(), id))));
        } catch (DecryptionFailedException unreadable) {
            // its key was removed from TTTOOLS_ENCRYPTION_KEYS: the token can no longer be sent, so stop trying
            log.error("A pending TikTok revocation can no longer be opened (key {} removed); dropping it",
                    p.sealed().keyId());
        } catch (NeedsReauthorizationException alreadyDead) {
            // TikTok no longer knows the token: nothing left to revoke
        } catch (TikTokApiException failed) {
            int attempts = p.attempts() + 1;
            if (attempts >= MAX_ATTEMPTS) {
                log.error("Giving up revoking a disconnected TikTok token after {} attempts: {}", attempts,
                        failed.getMessage());
            } else {
                jdbc.sql("""
                                UPDATE tiktok_pending_revocation SET attempts = :attempts
                                WHERE workspace_id = :workspaceId AND id = :id""")
                        .param("attempts", attempts).param("workspaceId", workspaceId.value()).param("id", id).update();
                schedule(workspaceId, id, attempts, now.plus(backoff(attempts)));
                return false;
            }
        }
        jdbc.sql("DELETE FROM tiktok_pending_revocation WHERE workspace_id = :workspaceId AND id = :id")
                .param("workspaceId", workspaceId.value()).param("id", id).update();
        return true;
    }

    /** The task's data is {@code <workspace id>/<revocation id>}, so each attempt reads its row on one shard. */
    private void schedule(WorkspaceId workspaceId, UUID id, int attempt, Instant when) {
        scheduler.getObject().schedule(new TaskInstance<>(TASK, id + "-" + attempt, workspaceId.value() + "/" + id), when);
    }

    /** 1, 4, 16, 64 minutes. */
    private static Duration backoff(int attempt) {
        return Duration.ofMinutes(1L << (2 * attempt));
    }

    private static AssociatedData context(WorkspaceId workspaceId, UUID revocationId) {
        return AssociatedData.forConnection(workspaceId, revocationId, PURPOSE);
    }

    private record Pending(WorkspaceId workspaceId, SealedValue sealed, int attempts) {
    }
}
