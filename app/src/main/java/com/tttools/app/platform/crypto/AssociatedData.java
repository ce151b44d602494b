package com.tttools.app.platform.crypto;

import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sealed secret belongs to. It is authenticated with the ciphertext (GCM associated data), so a value
 * copied to another owner (connection, user) or purpose does not open.
 *
 * @param owner   who holds the secret, e.g. a workspace's connection or a user
 * @param purpose what the secret is, e.g. {@code tiktok.access_token}; keeps an access token from being
 *                accepted where a refresh token is expected
 */
public record AssociatedData(String owner, String purpose) {

    public AssociatedData {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(purpose, "purpose");
    }

    /** A TikTok connection's secret (the byte form predates the other owners and stays as it was). */
    public static AssociatedData forConnection(WorkspaceId workspaceId, UUID connectionId, String purpose) {
        return new AssociatedData(Objects.requireNonNull(workspaceId, "workspaceId").value() + "|"
                + Objects.requireNonNull(connectionId, "connectionId"), purpose);
    }

    /** A user's own secret, such as a TOTP seed. */
    public static AssociatedData forUser(UserId userId, String purpose) {
        return new AssociatedData("user|" + Objects.requireNonNull(userId, "userId").value(), purpose);
    }

    byte[] bytes() {
        return ("tttools/v1|" + owner + "|" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
