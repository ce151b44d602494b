package com.tttools.app.identity.account;

import com.tttools.app.platform.ratelimit.RateLimiter.Limit;
import java.time.Duration;

/** Abuse limits of the sign-in flows (counts of failures or requests per window). */
public final class LoginLimits {

    public static final Limit FAILED_LOGINS_PER_ACCOUNT = new Limit("login-account", 10, Duration.ofMinutes(15));
    public static final Limit FAILED_LOGINS_PER_IP = new Limit("login-ip", 30, Duration.ofMinutes(15));
    public static final Limit SIGNUPS_PER_IP = new Limit("signup-ip", 10, Duration.ofHours(1));
    public static final Limit RESETS_PER_EMAIL = new Limit("reset-email", 5, Duration.ofHours(1));
    public static final Limit VERIFICATION_RESENDS_PER_USER = new Limit("verify-resend", 5, Duration.ofHours(1));

    private LoginLimits() {
    }
}
