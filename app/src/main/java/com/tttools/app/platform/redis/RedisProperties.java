package com.tttools.app.platform.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The shared Redis: unset {@code url} means none (every node keeps its own abuse-limit buckets).
 *
 * @param url       {@code redis://host:port} (or {@code rediss://} for TLS); blank: no Redis
 * @param timeout   longest wait for one command or for connecting: a limiter check must fail fast
 * @param keyPrefix before every key, so several installations can share one Redis
 */
@ConfigurationProperties("tttools.redis")
public record RedisProperties(String url, Duration timeout, String keyPrefix) {

    public RedisProperties {
        timeout = timeout == null ? Duration.ofMillis(500) : timeout;
        keyPrefix = keyPrefix == null ? "tttools:" : keyPrefix;
    }

    public boolean configured() {
        return url != null && !url.isBlank();
    }
}
