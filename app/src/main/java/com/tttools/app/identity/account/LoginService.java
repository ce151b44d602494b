package com.tttools.app.identity.account;

import com.tttools.app.identity.PendingAccountDeletions;
import com.tttools.app.identity.SecurityEventTypes;
import com.tttools.app.identity.UserAccounts;
import com.tttools.app.shared.UserId;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.platform.ratelimit.RateLimiter.Decision;
import com.tttools.app.identity.secret.Secrets;
import com.tttools.app.shared.audit.RequestMetadata;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks credentials. Unknown accounts cost the same Argon2 verification as known ones (against a dummy
 * hash), so neither the answer nor its timing tells whether an email has an account. Failures count against
 * the account (any IP) and the IP (any account).
 * <p>
 * Every attempt takes its tokens <em>before</em> any password or code is evaluated, and gets them back when it
 * turns out not to be a failure (a success resets the account's count and returns the IP's token; a right
 * password awaiting its second factor returns both). So concurrent attempts never evaluate more guesses than
 * the limits allow: an empty bucket refuses before Argon2 runs.
 */
@Service
public class LoginService {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final RateLimiter limiter;
    private final ObjectProvider<SecondFactor> secondFactor;
    private final SecurityEvents securityEvents;
    private final ObjectProvider<PendingAccountDeletions> pendingDeletions;
    /**
     * Hashed once the application is ready, off the request threads: one Argon2 hash is about a second of CPU on a
     * small machine, which a start on two cores should not share (docs/benchmarks.md, "Start-up"). An unknown
     * account's sign-in before then hashes it itself, so it still costs at least one hash.
     */
    private final CompletableFuture<String> dummyHash = new CompletableFuture<>();

    public LoginService(UserRepository users, PasswordEncoder encoder, RateLimiter limiter, ObjectProvider<SecondFactor> secondFactor,
            SecurityEvents securityEvents, ObjectProvider<PendingAccountDeletions> pendingDeletions) {
        this.pendingDeletions = pendingDeletions;
        this.users = users;
        this.encoder = encoder;
        this.limiter = limiter;
        this.secondFactor = secondFactor;
        this.securityEvents = securityEvents;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void hashDummyPasswordWhenReady() {
        CompletableFuture.runAsync(this::dummyHash);
    }

    @Transactional
    public LoginResult authenticate(String email, String password, String secondFactorCode, RequestMetadata request) {
        String ip = request.ip();
        String account = email == null ? "" : UserRepository.normalize(email);
        Tokens tokens = takeTokens(account, request);
        if (tokens.refused() != null) {
            return tokens.refused();
        }
        Optional<UserRecord> found = email == null || password == null ? Optional.empty() : users.findByEmail(email);
        boolean passwordMatches = found.isPresent()
                ? encoder.matches(password, found.get().passwordHash())
                : dummyCheck(password);
        if (!passwordMatches) {
            return fail(account, tokens, found, request);
        }
        UserRecord user = found.get();
        SecondFactor factor = secondFactor.getIfAvailable();
        if (factor != null && factor.enabled(user.id())) {
            if (secondFactorCode == null || secondFactorCode.isBlank()) {
                limiter.refund(LoginLimits.FAILED_LOGINS_PER_IP, ip);
                limiter.refund(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
                return new LoginResult.SecondFactorRequired(user);
            }
            if (!factor.verify(user.id(), secondFactorCode, request)) {
                return fail(account, tokens, found, request);
            }
        }
        if (encoder.upgradeEncoding(user.passwordHash())) {
            users.rehash(user.id(), encoder.encode(password));
        }
        succeeded(account, ip);
        securityEvents.publish(SecurityEventTypes.LOGIN_SUCCEEDED, user.id(), user.email(), Map.of(), request);
        return new LoginResult.Succeeded(user, restoreIfPendingDeletion(user));
    }

    /** The second step of a two-step sign-in whose password step passed moments ago. */
    @Transactional
    public LoginResult completeSecondFactor(UserRecord user, String code, RequestMetadata request) {
        String ip = request.ip();
        String account = UserRepository.normalize(user.email());
        Tokens tokens = takeTokens(account, request);
        if (tokens.refused() != null) {
            return tokens.refused();
        }
        SecondFactor factor = secondFactor.getIfAvailable();
        if (factor == null || !factor.enabled(user.id()) || code == null || !factor.verify(user.id(), code.strip(), request)) {
            return fail(account, tokens, Optional.of(user), request);
        }
        succeeded(account, ip);
        securityEvents.publish(SecurityEventTypes.LOGIN_SUCCEEDED, user.id(), user.email(), Map.of("secondFactor", "true"), request);
        return new LoginResult.Succeeded(user, restoreIfPendingDeletion(user));
    }

    /** A full sign-in within an account deletion's grace period cancels the deletion (docs/privacy.md). */
    private boolean restoreIfPendingDeletion(UserRecord user) {
        PendingAccountDeletions pending = pendingDeletions.getIfAvailable();
        return pending != null && pending.restore(user.id());
    }

    /** Re-confirms the credentials of a signed-in user (account deletion). Failures use up the account's sign-in budget. */
    @Transactional
    public UserAccounts.CredentialCheck checkCredentials(UserId userId, String password, String secondFactorCode,
            RequestMetadata request) {
        Optional<UserRecord> found = users.findById(userId);
        if (found.isEmpty()) {
            return UserAccounts.CredentialCheck.WRONG_PASSWORD;
        }
        String account = UserRepository.normalize(found.get().email());
        if (!limiter.check(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account).allowed()) {
            return UserAccounts.CredentialCheck.WRONG_PASSWORD;
        }
        if (password == null || !encoder.matches(password, found.get().passwordHash())) {
            limiter.consume(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
            return UserAccounts.CredentialCheck.WRONG_PASSWORD;
        }
        SecondFactor factor = secondFactor.getIfAvailable();
        if (factor != null && factor.enabled(userId)) {
            if (secondFactorCode == null || secondFactorCode.isBlank()) {
                return UserAccounts.CredentialCheck.CODE_REQUIRED;
            }
            if (!factor.verify(userId, secondFactorCode.strip(), request)) {
                limiter.consume(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
                return UserAccounts.CredentialCheck.WRONG_CODE;
            }
        }
        return UserAccounts.CredentialCheck.OK;
    }

    /**
     * Takes one token from the IP's and one from the account's bucket, atomically each; when either is empty
     * the attempt is refused (with the other token given back) and nothing is evaluated.
     */
    private Tokens takeTokens(String account, RequestMetadata request) {
        String ip = request.ip();
        Decision byIp = limiter.consume(LoginLimits.FAILED_LOGINS_PER_IP, ip);
        Decision byAccount = byIp.allowed() ? limiter.consume(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account) : null;
        if (byIp.allowed() && byAccount.allowed()) {
            return new Tokens(byAccount, null);
        }
        if (byIp.allowed()) {
            limiter.refund(LoginLimits.FAILED_LOGINS_PER_IP, ip);
        }
        securityEvents.publish(SecurityEventTypes.RATE_LIMITED, null, account.isEmpty() ? null : account,
                Map.of("limit", byIp.allowed() ? "login-account" : "login-ip"), request);
        return new Tokens(null, new LoginResult.Throttled(byIp.allowed() ? byAccount.retryAfter() : byIp.retryAfter()));
    }

    /** The account's decision for an attempt that may go on, or the answer for one that may not. */
    private record Tokens(Decision byAccount, LoginResult refused) {
    }

    private void succeeded(String account, String ip) {
        limiter.refund(LoginLimits.FAILED_LOGINS_PER_IP, ip);
        limiter.reset(LoginLimits.FAILED_LOGINS_PER_ACCOUNT, account);
    }

    /**
     * A failure keeps the tokens its attempt took. The attempt that took the account's last token and failed
     * locks the account: one lock-out event however many attempts race.
     */
    private LoginResult fail(String account, Tokens tokens, Optional<UserRecord> user, RequestMetadata request) {
        securityEvents.publish(SecurityEventTypes.LOGIN_FAILED, user.map(UserRecord::id).orElse(null),
                account.isEmpty() ? null : account, Map.of("knownAccount", String.valueOf(user.isPresent())), request);
        if (tokens.byAccount().remaining() == 0 && user.isPresent()) {
            securityEvents.publish(SecurityEventTypes.LOGIN_LOCKED, user.get().id(), user.get().email(), Map.of(), request);
        }
        return new LoginResult.Failed();
    }

    private boolean dummyCheck(String password) {
        encoder.matches(password == null ? "" : password, dummyHash());
        return false;
    }

    /** The dummy hash, hashed here if it is not yet: the first to finish sets it, every caller uses that one. */
    private String dummyHash() {
        if (!dummyHash.isDone()) {
            dummyHash.complete(encoder.encode(Secrets.randomToken()));
        }
        return dummyHash.join();
    }
}
