package com.tttools.app.identity.mfa;

import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.identity.account.SecondFactor;
import com.tttools.app.identity.account.SecurityEvents;
import com.tttools.app.identity.account.UserRecord;
import com.tttools.app.identity.account.UserRepository;
import com.tttools.app.identity.secret.Secrets;
import com.tttools.app.platform.crypto.AssociatedData;
import com.tttools.app.platform.crypto.SealedValue;
import com.tttools.app.platform.crypto.TokenVault;
import com.tttools.app.platform.ratelimit.RateLimitedException;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.ConflictException;
import com.tttools.app.shared.ForbiddenException;
import com.tttools.app.shared.NotFoundException;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.ValidationFailedException;
import com.tttools.app.shared.audit.RequestMetadata;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor sign-in: setup (secret sealed in the vault, shown once as QR code and key), confirmation
 * with a code (which also issues 10 recovery codes), verification at login without replay, and disabling
 * with password and code.
 * <p>
 * Guesses on the settings endpoints (new recovery codes, turning it off) take a token from the same
 * per-account bucket as sign-in ({@link LoginLimits#FAILED_LOGINS_PER_ACCOUNT}) before anything is evaluated;
 * a right answer gives it back. An empty bucket refuses with {@link RateLimitedException}.
 */
@Service
public class TwoFactorService implements SecondFactor {

    static final String PURPOSE = "identity.totp_secret";
    static final int RECOVERY_CODES = 10;
    private static final String ISSUER = "TTtools";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the setup page shows: the key to type and the QR code to scan. */
    public record Setup(String secret, String otpauthUri, String qrCodeDataUri) {
        @Override
        public String toString() {
            return "Setup[]";
        }
    }

    private final JdbcClient jdbc;
    private final TokenVault vault;
    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final SecurityEvents securityEvents;
    private final RateLimiter limiter;
    private final Clock clock;

    public TwoFactorService(JdbcClient jdbc, TokenVault vault, UserRepository users, PasswordEncoder encoder,
            SecurityEvents securityEvents, RateLimiter limiter, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.users = users;
        this.encoder = encoder;
        this.securityEvents = securityEvents;
        this.limiter = limiter;
        this.clock = clock;
    }

    /**
     * Starts (or restarts) a setup; refused while two-factor sign-in is on, and before the email address is
     * verified (whoever signed up with an address they do not own must not lock its owner out).
     */
    @Transactional
    public Setup begin(UserId userId) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        if (!user.emailVerified()) {
            throw new ForbiddenException("Verify your email address before turning on two-factor sign-in.");
        }
        if (enabled(userId)) {
            throw new ConflictException("Two-factor sign-in is already on. Turn it off first to set up a new device.");
        }
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        String base32 = Base32.encode(secret);
        SealedValue sealed = vault.seal(base32, AssociatedData.forUser(userId, PURPOSE));
        jdbc.sql("""
                        INSERT INTO user_two_factor (user_id, secret_key_id, secret_nonce, secret_ciphertext, created_at)
                        VALUES (:user, :keyId, :nonce, :ciphertext, :now)
                        ON CONFLICT (user_id) DO UPDATE SET secret_key_id = EXCLUDED.secret_key_id,
                            secret_nonce = EXCLUDED.secret_nonce, secret_ciphertext = EXCLUDED.secret_ciphertext,
                            enabled_at = NULL, last_used_step = 0, created_at = EXCLUDED.created_at""")
                .param("user", userId.value()).param("keyId", sealed.keyId()).param("nonce", sealed.nonce())
                .param("ciphertext", sealed.ciphertext()).param("now", Timestamp.from(clock.instant()))
                .update();
        return setup(user.email(), base32);
    }

    /** The setup begun and not yet confirmed, to show again (reading it changes nothing). */
    public Optional<Setup> pendingSetup(UserId userId) {
        Optional<Row> row = row(userId).filter(r -> r.enabledAt() == null);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        return Optional.of(setup(user.email(), vault.open(row.get().secret(), AssociatedData.forUser(userId, PURPOSE))));
    }

    private static Setup setup(String email, String base32) {
        String label = URLEncoder.encode(ISSUER + ":" + email, StandardCharsets.UTF_8).replace("+", "%20");
        String uri = "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
        return new Setup(base32, uri, QrCodes.pngDataUri(uri, 220));
    }

    /** Turns two-factor sign-in on when the code matches the pending secret; returns the recovery codes (shown once). */
    @Transactional
    public List<String> confirm(UserId userId, String code, RequestMetadata request) {
        Row row = row(userId).filter(r -> r.enabledAt() == null)
                .orElseThrow(() -> new ConflictException("Start the two-factor setup first."));
        OptionalLong step = Totp.matchingStep(secretOf(userId, row), code == null ? null : code.strip(), clock.instant(),
                row.lastUsedStep());
        if (step.isEmpty()) {
            throw new ValidationFailedException("code", "does not match; check the time on your device and try the current code");
        }
        jdbc.sql("UPDATE user_two_factor SET enabled_at = :now, last_used_step = :step WHERE user_id = :user")
                .param("now", Timestamp.from(clock.instant())).param("step", step.getAsLong())
                .param("user", userId.value()).update();
        List<String> codes = replaceRecoveryCodes(userId);
        UserRecord user = users.findById(userId).orElseThrow();
        securityEvents.publish(SecurityEventTypes.TWO_FACTOR_ENABLED, userId, user.email(), Map.of(), request);
        return codes;
    }

    /** Turns two-factor sign-in off; needs the password and a current code (or a recovery code). */
    @Transactional(noRollbackFor = RateLimitedException.class)
    public void disable(UserId userId, String password, String code, RequestMetadata request) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        String account = takeGuessToken(user, request);
        if (password == null || !encoder.matches(password, user.passwordHash())) {
            throw new ValidationFailedException("password", "is not your current password");
        }
        if (!enabled(userId)) {
            limiter.refund(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
            throw new ConflictException("Two-factor sign-in is not on.");
        }
        if (!verify(userId, code, request)) {
            throw new ValidationFailedException("code", "is not a valid code");
        }
        limiter.refund(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
        jdbc.sql("DELETE FROM user_recovery_codes WHERE user_id = :user").param("user", userId.value()).update();
        jdbc.sql("DELETE FROM user_two_factor WHERE user_id = :user").param("user", userId.value()).update();
        securityEvents.publish(SecurityEventTypes.TWO_FACTOR_DISABLED, userId, user.email(), Map.of(), request);
    }

    @Transactional(noRollbackFor = RateLimitedException.class)
    public List<String> regenerateRecoveryCodes(UserId userId, String code, RequestMetadata request) {
        UserRecord user = users.findById(userId).orElseThrow(() -> new NotFoundException("User"));
        String account = takeGuessToken(user, request);
        if (!enabled(userId) || !verify(userId, code, request)) {
            throw new ValidationFailedException("code", "is not a valid code");
        }
        limiter.refund(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
        return replaceRecoveryCodes(userId);
    }

    /** Takes the token a guess costs, or refuses (recorded as a security event) before anything is evaluated. */
    private String takeGuessToken(UserRecord user, RequestMetadata request) {
        String account = UserRepository.normalize(user.email());
        RateLimiter.Decision decision = limiter.consume(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
        if (!decision.allowed()) {
            securityEvents.publish(SecurityEventTypes.RATE_LIMITED, user.id(), user.email(), Map.of("limit", "two-factor"), request);
            throw new RateLimitedException(decision.retryAfter());
        }
        return account;
    }

    public int unusedRecoveryCodes(UserId userId) {
        return jdbc.sql("SELECT count(*) FROM user_recovery_codes WHERE user_id = :user AND used_at IS NULL")
                .param("user", userId.value()).query(Integer.class).single();
    }

    @Override
    public boolean enabled(UserId userId) {
        return row(userId).map(r -> r.enabledAt() != null).orElse(false);
    }

    /** A 6-digit code is a TOTP code (accepted once per step); anything else is tried as a recovery code. */
    @Override
    @Transactional
    public boolean verify(UserId userId, String code, RequestMetadata request) {
        if (code == null || code.isBlank() || code.length() > 32) {
            return false;
        }
        Optional<Row> row = row(userId).filter(r -> r.enabledAt() != null);
        if (row.isEmpty()) {
            return false;
        }
        String candidate = code.strip().replace(" ", "");
        if (candidate.matches("\\d{" + Totp.DIGITS + "}")) {
            OptionalLong step = Totp.matchingStep(secretOf(userId, row.get()), candidate, clock.instant(),
                    row.get().lastUsedStep());
            // The conditional update makes a code usable once even when two logins race with it.
            return step.isPresent() && jdbc.sql("""
                            UPDATE user_two_factor SET last_used_step = :step
                            WHERE user_id = :user AND last_used_step < :step""")
                    .param("step", step.getAsLong()).param("user", userId.value()).update() == 1;
        }
        boolean used = jdbc.sql("""
                        UPDATE user_recovery_codes SET used_at = :now
                        WHERE id = (SELECT id FROM user_recovery_codes
                                    WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL LIMIT 1)""")
                .param("now", Timestamp.from(clock.instant())).param("user", userId.value())
                .param("hash", Secrets.sha256(normalizeRecoveryCode(candidate))).update() == 1;
        if (used) {
            UserRecord user = users.findById(userId).orElseThrow();
            securityEvents.publish(SecurityEventTypes.RECOVERY_CODE_USED, userId, user.email(),
                    Map.of("remaining", String.valueOf(unusedRecoveryCodes(userId))), request);
        }
        return used;
    }

    private List<String> replaceRecoveryCodes(UserId userId) {
        jdbc.sql("DELETE FROM user_recovery_codes WHERE user_id = :user").param("user", userId.value()).update();
        List<String> codes = new ArrayList<>(RECOVERY_CODES);
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] random = new byte[7];
            RANDOM.nextBytes(random);
            String raw = Base32.encode(random).substring(0, 10);
            String code = raw.substring(0, 5) + "-" + raw.substring(5);
            codes.add(code);
            jdbc.sql("INSERT INTO user_recovery_codes (id, user_id, code_hash) VALUES (:id, :user, :hash)")
                    .param("id", UUID.randomUUID()).param("user", userId.value())
                    .param("hash", Secrets.sha256(normalizeRecoveryCode(code))).update();
        }
        return codes;
    }

    private static String normalizeRecoveryCode(String code) {
        return code.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private record Row(SealedValue secret, Instant enabledAt, long lastUsedStep) {
    }

    private Optional<Row> row(UserId userId) {
        return jdbc.sql("""
                        SELECT secret_key_id, secret_nonce, secret_ciphertext, enabled_at, last_used_step
                        FROM user_two_factor WHERE user_id = :user""")
                .param("user", userId.value())
                .query((rs, i) -> new Row(new SealedValue(rs.getString("secret_key_id"), rs.getBytes("secret_nonce"),
                        rs.getBytes("secret_ciphertext")),
                        rs.getTimestamp("enabled_at") == null ? null : rs.getTimestamp("enabled_at").toInstant(),
                        rs.getLong("last_used_step")))
                .optional();
    }

    private byte[] secretOf(UserId userId, Row row) {
        return Base32.decode(vault.open(row.secret(), AssociatedData.forUser(userId, PURPOSE)));
    }
}
