package com.tttools.app.platform.crypto;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param encryptionKeys {@code TTTOOLS_ENCRYPTION_KEYS}: {@code keyId:base64-32-bytes,...}, the first seals new
 *                       values, the others still open old ones. Unset outside {@code prod}: a generated key in
 *                       {@code devKeyFile}
 * @param devKeyFile     where the development key is generated ({@code $TTTOOLS_DATA_DIR/keys/encryption.key})
 */
@Validated
@ConfigurationProperties("tttools.crypto")
public record CryptoProperties(String encryptionKeys, @NotNull Path devKeyFile) {

    boolean keysConfigured() {
        return encryptionKeys != null && !encryptionKeys.isBlank();
    }

    @Override
    public String toString() {
        return "CryptoProperties[encryptionKeys=" + (keysConfigured() ? "<set>" : "<unset>")
                + ", devKeyFile=" + devKeyFile + "]";
    }
}
