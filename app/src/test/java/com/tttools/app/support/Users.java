package com.tttools.app.support;

import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import java.util.Map;
import java.util.UUID;

/** Test accounts with unique emails, so tests never collide in the shared database. */
public final class Users {

    public static final String PASSWORD = "correct horse battery staple 42";

    private Users() {
    }

    public static String uniqueEmail(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        SuiteLog.email(email);
        return email;
    }

    public static Map<String, Object> signup(String email) {
        return Map.of("email", email, "password", PASSWORD, "name", "Test " + email.substring(0, email.indexOf('@')));
    }

    /** Signs up through the API and returns the signed-in client. */
    public static ApiClient signedUp(int port, String email) {
        ApiClient client = new ApiClient(port);
        ApiClient.Response response = client.post("/api/v1/auth/signup", signup(email));
        if (response.status() != 201) {
            throw new AssertionError("Sign-up failed: " + response.status() + " " + response.body());
        }
        return client;
    }

    /**
     * Signs up and follows the verification link from the dev mailbox: personal access tokens and two-factor
     * sign-in need a verified address.
     */
    public static ApiClient signedUpAndVerified(int port, String email, Mailer mailer) {
        ApiClient client = signedUp(port, email);
        String token = Mailbox.tokenIn(Mailbox.latestTo((DevMailbox) mailer, email, "Confirm your TTtools email"));
        ApiClient.Response verified = client.post("/api/v1/auth/verify-email", Map.of("token", token));
        if (verified.status() != 204) {
            throw new AssertionError("Verification failed: " + verified.status() + " " + verified.body());
        }
        return client;
    }

    public static ApiClient loggedIn(int port, String email, String password) {
        ApiClient client = new ApiClient(port);
        ApiClient.Response response = client.post("/api/v1/auth/login", Map.of("email", email, "password", password));
        if (response.status() != 200) {
            throw new AssertionError("Login failed: " + response.status() + " " + response.body());
        }
        return client;
    }
}
