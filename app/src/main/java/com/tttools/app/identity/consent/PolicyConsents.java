package com.tttools.app.identity.consent;

import com.tttools.app.identity.IdentityEvents.UserSignedUp;
import com.tttools.app.platform.config.PolicyProperties;
import com.tttools.app.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The privacy policy and terms versions users accepted ({@code user_policy_consents}). Sign-up records the
 * version in force (the sign-up form says so next to its button); when the version changes, signed-in users see a
 * notice until they acknowledge the new one.
 */
@Service
public class PolicyConsents {

    public enum How { SIGN_UP, ACKNOWLEDGED }

    public record Consent(String version, How how, Instant acceptedAt) {
    }

    private final JdbcClient jdbc;
    private final PolicyProperties policy;
    private final Clock clock;

    PolicyConsents(JdbcClient jdbc, PolicyProperties policy, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.clock = clock;
    }

    /** Sign-up accepts the version in force, in the sign-up's own transaction (published inside it). */
    @EventListener
    void onSignedUp(UserSignedUp event) {
        record(event.userId(), How.SIGN_UP, event.at());
    }

    /** The user acknowledged the version in force (the layout's notice); repeating it changes nothing. */
    public void acknowledge(UserId userId) {
        record(userId, How.ACKNOWLEDGED, clock.instant());
    }

    /** Whether the user accepted the version in force, at sign-up or later. */
    public boolean acceptedCurrent(UserId userId) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_policy_consents
                                        WHERE user_id = :user AND policy_version = :version)""")
                .param("user", userId.value())
                .param("version", policy.version())
                .query(Boolean.class).single();
    }

    /** The newest version the user accepted, if any. */
    public Optional<Consent> latest(UserId userId) {
        return jdbc.sql("""
                        SELECT policy_version, how, accepted_at FROM user_policy_consents
                         WHERE user_id = :user ORDER BY accepted_at DESC, policy_version DESC LIMIT 1""")
                .param("user", userId.value())
                .query((rs, n) -> new Consent(rs.getString("policy_version"), How.valueOf(rs.getString("how")),
                        rs.getTimestamp("accepted_at").toInstant()))
                .optional();
    }

    public String currentVersion() {
        return policy.version();
    }

    private void record(UserId userId, How how, Instant at) {
        jdbc.sql("""
                        INSERT INTO user_policy_consents (user_id, policy_version, how, accepted_at)
                        VALUES (:user, :version, :how, :at)
                        ON CONFLICT (user_id, policy_version) DO NOTHING""")
                .param("user", userId.value())
                .param("version", policy.version())
                .param("how", how.name())
                .param("at", java.sql.Timestamp.from(at))
                .update();
    }
}
