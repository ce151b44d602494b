package com.tttools.app.platform.crypto;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/** Builds the vault at start-up, so a malformed or short key stops the application before it serves anything. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CryptoProperties.class)
class CryptoConfiguration {

    @Bean
    TokenVault tokenVault(CryptoProperties properties, Environment environment) {
        if (properties.keysConfigured()) {
            return TokenVault.fromSpec(properties.encryptionKeys());
        }
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new InvalidEncryptionKeyException("TTTOOLS_ENCRYPTION_KEYS must be set in production");
        }
        return TokenVault.fromSpec(DevelopmentKeyFile.readOrCreate(properties.devKeyFile()));
    }
}
