package com.tttools.app.platform.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One Lettuce connection to the shared Redis, opened on first use (start-up does not need Redis) and kept:
 * Lettuce reconnects it by itself after Redis comes back, trying at least every {@link #MAX_RECONNECT_DELAY}.
 * While disconnected, commands are rejected at once instead of buffered (a limiter check must not wait), and
 * a failed first connect is not retried for {@link #CONNECT_BACKOFF} (so a down Redis costs one timeout per
 * few seconds, not one per request).
 */
public final class SharedRedis implements AutoCloseable {

    static final Duration MAX_RECONNECT_DELAY = Duration.ofSeconds(5);
    static final Duration CONNECT_BACKOFF = Duration.ofSeconds(5);

    private final RedisProperties properties;
    private final ClientResources resources;
    private final RedisClient client;
    private final LongSupplier nanoTime;
    /** In {@link System#nanoTime()}'s terms, which may be negative: so it starts at "now", never at 0. */
    private final AtomicLong nextConnectAttempt;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;

    public SharedRedis(RedisProperties properties) {
        this(properties, System::nanoTime);
    }

    SharedRedis(RedisProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.nanoTime = nanoTime;
        this.nextConnectAttempt = new AtomicLong(nanoTime.getAsLong());
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.timeout());
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        this.client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(properties.timeout()).build())
                .build());
    }

    public RedisProperties properties() {
        return properties;
    }

    /** The connection, opening it if needed; empty while Redis cannot be reached for a first connect. */
    public Optional<StatefulRedisConnection<byte[], byte[]>> connection() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open != null) {
            return Optional.of(open);
        }
        synchronized (this) {
            if (connection == null && nanoTime.getAsLong() - nextConnectAttempt.get() >= 0) {
                try {
                    connection = client.connect(ByteArrayCodec.INSTANCE);
                } catch (RuntimeException unreachable) {
                    nextConnectAttempt.set(nanoTime.getAsLong() + CONNECT_BACKOFF.toNanos());
                }
            }
            return Optional.ofNullable(connection);
        }
    }

    /** PING within the timeout: true when Redis answered. */
    public boolean ping() {
        return connection().map(c -> {
            try {
                return "PONG".equals(c.sync().ping());
            } catch (RuntimeException down) {
                return false;
            }
        }).orElse(false);
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
        }
        client.shutdown();
        resources.shutdown();
    }
}
