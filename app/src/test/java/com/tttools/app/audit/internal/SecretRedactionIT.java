package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.SecurityEvent;
import com.tttools.app.audit.SecurityLog;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.SecurityEventOccurred;
import com.tttools.app.support.IntegrationTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class SecretRedactionIT extends IntegrationTest {

    /** Each value is unique so that finding it anywhere in the stored row proves a leak. */
    static Map<String, Object> detailsFullOfSecrets() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("password", "S3cret-pass-001");
        details.put("newPassword", "S3cret-pass-002");
        details.put("access_token", "S3cret-token-003");
        details.put("refreshToken", "S3cret-token-004");
        details.put("clientSecret", "S3cret-005");
        details.put("authCode", "S3cret-code-006");
        details.put("code", "S3cret-code-007");
        details.put("apiKey", "S3cret-key-008");
        details.put("Authorization", "S3cret-auth-009");
        details.put("cookie", "S3cret-cookie-010");
        details.put("sessionId", "S3cret-session-011");
        details.put("totp", "123456");
        details.put("note", "ttt_pat_S3cret012");
        details.put("header", "Bearer S3cret-013");
        details.put("jwt", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.S3cret-014");
        details.put("after", Map.of("name", "Renamed", "webhookSecret", "S3cret-015",
                "list", List.of(Map.of("token", "S3cret-016"))));
        details.put("currencyCode", "USD");
        details.put("sessionsEnded", 3);
        return details;
    }

    @Autowired
    AuditLog auditLog;
    @Autowired
    SecurityLog securityLog;
    @Autowired
    JdbcClient jdbc;

    @Test
    void whenDetailsHoldSecretsThenNoSecretReachesTheAuditTable() {
        OrganizationId organization = OrganizationId.random();

        AuditEvent event = auditLog.record(AuditTestSupport.entry(organization, null, "user.password_changed",
                detailsFullOfSecrets()));

        String stored = jdbc.sql("SELECT row_to_json(e)::text FROM audit_events e WHERE id = :id")
                .param("id", event.id()).query(String.class).single();
        assertThat(stored).doesNotContain("S3cret", "123456");
        assertThat(event.details()).containsEntry("password", SecretRedactor.MASK)
                .containsEntry("currencyCode", "USD").containsEntry("sessionsEnded", 3);
        assertThat(auditLog.verify(organization).ok()).isTrue();
    }

    @Test
    void whenSecurityEventDetailsHoldSecretsThenNoSecretReachesTheSecurityTable() {
        UserId user = UserId.random();
        Map<String, String> details = new LinkedHashMap<>();
        // Security event details are flat strings, so the nested example is left out here.
        detailsFullOfSecrets().forEach((key, value) -> {
            if (!(value instanceof Map)) {
                details.put(key, String.valueOf(value));
            }
        });

        SecurityEvent event = securityLog.record(new SecurityEventOccurred("login.failed", user, "dave@example.com",
                AuditTestSupport.REQUEST, details, Instant.now()));

        String stored = jdbc.sql("SELECT row_to_json(s)::text FROM security_events s WHERE id = :id")
                .param("id", event.id()).query(String.class).single();
        assertThat(stored).doesNotContain("S3cret", "123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "userPassword", "pwd", "token", "x-api-token", "secret", "clientSecret",
            "code", "authCode", "recovery_codes", "key", "apiKey", "private_key", "authorization", "cookie",
            "Set-Cookie", "session", "sessionId", "otp", "totpSecret", "credentials"})
    void whenAKeyLooksSecretThenItIsMasked(String key) {
        assertThat(SecretRedactor.isSecretKey(key)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "email", "role", "before", "after", "currencyCode", "country_code", "errorCode",
            "sessionsEnded", "keyboard", "monkey", "scopes", "advertiserCount", "count"})
    void whenAKeyIsOrdinaryThenItIsKept(String key) {
        assertThat(SecretRedactor.isSecretKey(key)).isFalse();
    }

    @Test
    void whenAValueLooksLikeACredentialThenItIsMaskedWhateverItsKey() {
        assertThat(SecretRedactor.redact(Map.of("a", "ttt_pat_abc", "b", "Basic dXNlcjpwYXNz", "c", "plain text")))
                .containsEntry("a", SecretRedactor.MASK).containsEntry("b", SecretRedactor.MASK)
                .containsEntry("c", "plain text");
    }
}
