package com.tttools.app.tiktok.client;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Buckets in Redis (compare-and-swap through Lettuce), so all nodes share one TikTok quota. Lettuce's 60 s
 * default timeout and command buffering while disconnected are turned off: a limiter check must fail fast.
 * The connection opens on first use, so start-up does not need Redis.
 */
final class RedisBucketSource implements BucketSource, AutoCloseable {

    /** After the installation's prefix ({@code tttools:} by default): {@code tttools:tiktok:rate:app:<id>}. */
    private static final String KEY_PREFIX = "tiktok:rate:";

    private final String keyPrefix;
    private final RedisClient client;
    private final Duration timeout;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile ProxyManager<byte[]> proxies;

    RedisBucketSource(String redisUrl, Duration timeout) {
        this(redisUrl, timeout, "tttools:");
    }

    RedisBucketSource(String redisUrl, Duration timeout, String installationPrefix) {
        this.keyPrefix = installationPrefix + KEY_PREFIX;
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(timeout);
        this.client = RedisClient.create(uri);
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        this.timeout = timeout;
    }

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return proxies().builder().build((keyPrefix + key).getBytes(StandardCharsets.UTF_8), () -> configuration);
    }

    private ProxyManager<byte[]> proxies() {
        if (proxies == null) {
            synchronized (this) {
                if (proxies == null) {
                    connection = client.connect(ByteArrayCodec.INSTANCE);
                    proxies = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                    .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                            .requestTimeout(timeout)
                            .build();
                }
            }
        }
        return proxies;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
    }
}
