package com.tttools.app.platform.ratelimit;

import com.tttools.app.platform.redis.SharedRedis;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The abuse limiter's buckets in the shared Redis: {@code <prefix>abuse:<limit>:<sha-256 of the key>}, each
 * expiring once it has refilled (a full bucket is the same as none). {@link #run} answers null when Redis
 * failed, for the caller to decide on this node's bucket instead.
 */
final class RemoteBuckets {

    private static final Logger log = LoggerFactory.getLogger(RemoteBuckets.class);
    private static final long WARN_EVERY_NANOS = Duration.ofMinutes(1).toNanos();

    private final SharedRedis redis;
    private final TimeMeter clock;
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARN_EVERY_NANOS);
    private volatile StatefulRedisConnection<byte[], byte[]> proxiedConnection;
    private volatile ProxyManager<byte[]> proxies;

    RemoteBuckets(SharedRedis redis, TimeMeter clock) {
        this.redis = redis;
        this.clock = clock;
    }

    <T> T run(RateLimiter.Limit limit, String key, Function<Bucket, T> decide) {
        try {
            ProxyManager<byte[]> manager = proxies();
            if (manager == null) {
                warn(null);
                return null;
            }
            BucketConfiguration configuration = BucketConfiguration.builder().addLimit(limit.bandwidth()).build();
            return decide.apply(manager.builder().build(redisKey(limit, key), () -> configuration));
        } catch (RuntimeException failed) {
            warn(failed);
            return null;
        }
    }

    void remove(RateLimiter.Limit limit, String key) {
        try {
            ProxyManager<byte[]> manager = proxies();
            if (manager != null) {
                manager.removeProxy(redisKey(limit, key));
            }
        } catch (RuntimeException failed) {
            warn(failed);
        }
    }

    private ProxyManager<byte[]> proxies() {
        StatefulRedisConnection<byte[], byte[]> connection = redis.connection().orElse(null);
        if (connection == null) {
            return null;
        }
        if (proxies == null || proxiedConnection != connection) {
            synchronized (this) {
                if (proxies == null || proxiedConnection != connection) {
                    proxies = Bucket4jLettuce.casBasedBuilder(connection)
                            .clientClock(clock)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .requestTimeout(redis.properties().timeout())
                            .build();
                    proxiedConnection = connection;
                }
            }
        }
        return proxies;
    }

    private byte[] redisKey(RateLimiter.Limit limit, String key) {
        return (redis.properties().keyPrefix() + "abuse:" + limit.name() + ":" + sha256(key))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void warn(RuntimeException cause) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if (now - last >= WARN_EVERY_NANOS && lastWarning.compareAndSet(last, now)) {
            log.warn("Redis does not answer ({}): login and sign-up limits hold per node until it does",
                    cause == null ? "no connection" : cause.getClass().getSimpleName());
        }
    }
}
