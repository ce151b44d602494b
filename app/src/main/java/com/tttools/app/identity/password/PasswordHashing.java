package com.tttools.app.identity.password;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Argon2id with m=19456 KiB, t=2, p=1, 16-byte salt, 32-byte hash: the ASVS 5.0 minimum. Spring's preset
 * ({@code defaultsForSpringSecurity_v5_8}, m=16384) is below it, so the parameters are set explicitly.
 * Hashes with weaker parameters report {@code upgradeEncoding} and are re-hashed at the next login.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    static final int SALT_LENGTH = 16;
    static final int HASH_LENGTH = 32;
    static final int PARALLELISM = 1;
    static final int MEMORY_KIB = 19_456;
    static final int ITERATIONS = 2;

    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
    }
}
