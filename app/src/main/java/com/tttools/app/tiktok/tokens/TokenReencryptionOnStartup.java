package com.tttools.app.tiktok.tokens;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a key rotation ({@code TTTOOLS_ENCRYPTION_KEYS} gets a new first key) the next start moves every stored
 * token to the new key, in the background so start-up is not held up. Nodes starting together are safe: a row is
 * rewritten only if it still carries the key id that was read. Once the log reports nothing to move, the old key
 * can be removed.
 */
@Component
class TokenReencryptionOnStartup {

    private static final Logger log = LoggerFactory.getLogger(TokenReencryptionOnStartup.class);

    private final TikTokTokenStore tokens;

    TokenReencryptionOnStartup(TikTokTokenStore tokens) {
        this.tokens = tokens;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reencryptInBackground() {
        Thread worker = new Thread(this::reencrypt, "tiktok-token-reencryption");
        worker.setDaemon(true);
        worker.start();
    }

    void reencrypt() {
        try {
            int moved = tokens.reencryptAll();
            log.info("TikTok token re-encryption: {} tokens moved to the active key", moved);
        } catch (RuntimeException e) {
            log.error("TikTok token re-encryption failed ({}); it runs again at the next start",
                    e.getClass().getSimpleName());
        }
    }
}
