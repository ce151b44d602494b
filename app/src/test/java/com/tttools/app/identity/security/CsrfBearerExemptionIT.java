package com.tttools.app.identity.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.identity.account.LoginLimits;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.support.ApiClient;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.support.Users;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Only requests that really authenticated with a personal access token skip the CSRF check. */
class CsrfBearerExemptionIT extends IntegrationTest {

    @Autowired
    Mailer mailer;
    @Autowired
    RateLimiter limiter;

    @BeforeEach
    @AfterEach
    void forgetSignUps() {
        limiter.reset(LoginLimits.SIGNUPS_PER_IP, "127.0.0.1");
    }

    @Test
    void aBearerHeaderDoesNotSwitchCsrfOffForAPageFormSignedInWithACookie() {
        ApiClient victim = Users.signedUp(port, Users.uniqueEmail("csrf-bearer"));
        String before = victim.get("/api/v1/me").json().get("name").asString();

        ApiClient.Response forged = victim.postForm("/account/name", "name=Renamed+by+a+forged+form", false,
                "Authorization", "Bearer anything-at-all");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(victim.get("/api/v1/me").json().get("name").asString()).isEqualTo(before);
        ApiClient.Response genuine = victim.postForm("/account/name", "name=Renamed+by+the+user", true);
        assertThat(genuine.status()).isEqualTo(302);
        assertThat(victim.get("/api/v1/me").json().get("name").asString()).isEqualTo("Renamed by the user");
    }

    @Test
    void anApiRequestWithACookieAndABearerThatIsNoLiveTokenIsRefusedNotServedByTheCookie() {
        ApiClient victim = Users.signedUp(port, Users.uniqueEmail("csrf-api"));
        ApiClient forged = new ApiClient(port).withSessionCookie(victim.sessionCookie()).bearer("not-a-token");
        assertThat(forged.patch("/api/v1/me", Map.of("name", "Changed by a forged request")).status()).isEqualTo(401);
        assertThat(victim.get("/api/v1/me").json().get("name").asString()).isNotEqualTo("Changed by a forged request");
    }

    @Test
    void aLiveTokenNeedsNoCsrfToken() {
        ApiClient owner = Users.signedUpAndVerified(port, Users.uniqueEmail("csrf-pat"), mailer);
        String token = owner.post("/api/v1/me/tokens", Map.of("name", "script")).json().get("token").asString();
        ApiClient script = new ApiClient(port).bearer(token);
        assertThat(script.patch("/api/v1/me", Map.of("name", "Renamed by script")).status()).isEqualTo(200);
    }
}
