package com.tttools.app.platform.crypto;

import com.tttools.app.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * What a sealed secret belongs to. It is authenticated with the ciphertext (GCM associated data), so a value
 * copied to another workspace, connection or purpose does not open.
 *
 * @param purpose what the secret is, e.g. {@code tiktok.access_token}; keeps an access token from being
 *                accepted where a refresh token is expected
 */
public record AssociatedData(WorkspaceId workspaceId, UUID connectionId, String purpose) {

    public AssociatedData {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(purpose, "purpose");
    }

    byte[] bytes() {
        return ("tttools/v1|" + workspaceId.value() + "|" + connectionId + "|" + purpose)
                .getBytes(StandardCharsets.UTF_8);
    }
}
