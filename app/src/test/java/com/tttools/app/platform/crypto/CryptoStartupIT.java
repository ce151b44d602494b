package com.tttools.app.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up with the crypto configuration alone: a bad key stops it, and the key never reaches the output. */
@ExtendWith(OutputCaptureExtension.class)
class CryptoStartupIT {

    @Test
    void aConfiguredKeyThatIsNot256BitsStopsStartup(CapturedOutput output) {
        String shortKey = TokenVaultTest.randomKey(16);

        assertThatThrownBy(() -> start("--tttools.crypto.encryption-keys=v1:" + shortKey))
                .rootCause().isInstanceOf(InvalidEncryptionKeyException.class).hasMessageContaining("128 bits");
        assertThat(output.getAll()).doesNotContain(shortKey);
    }

    @Test
    void theProdProfileNeverGeneratesAKey() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(CryptoConfiguration.class).web(WebApplicationType.NONE)
                .profiles("prod").run("--tttools.crypto.dev-key-file=target/never/encryption.key"))
                .rootCause().hasMessageContaining("TTTOOLS_ENCRYPTION_KEYS must be set");
    }

    @Test
    void aValidKeyRingStarts() {
        try (ConfigurableApplicationContext context = start(
                "--tttools.crypto.encryption-keys=v2:" + TokenVaultTest.randomKey(32) + ",v1:" + TokenVaultTest.randomKey(32))) {
            assertThat(context.getBean(TokenVault.class).activeKeyId()).isEqualTo("v2");
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--tttools.crypto.dev-key-file=target/never/encryption.key";
        return new SpringApplicationBuilder(CryptoConfiguration.class).web(WebApplicationType.NONE).run(all);
    }
}
