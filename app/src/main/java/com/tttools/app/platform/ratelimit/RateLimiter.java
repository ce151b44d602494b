package com.tttools.app.platform.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Named token buckets (Bucket4j) for abuse limits: failed logins per account and per IP, sign-ups per IP,
 * password resets per email. In memory on this node.
 * <p>
 * A bucket is created on first use; full buckets are dropped once the map grows past a bound (a refilled
 * bucket carries no information, so dropping it changes no decision).
 */
@Component
public class RateLimiter {

    private static final int MAX_BUCKETS = 100_000;

    public record Limit(String name, long capacity, Duration period) {

        Bandwidth bandwidth() {
            return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
        }
    }

    public record Decision(boolean allowed, Duration retryAfter) {

        static final Decision ALLOWED = new Decision(true, Duration.ZERO);
    }

    private record Entry(Bucket bucket, long capacity) {

        boolean full() {
            return bucket.getAvailableTokens() >= capacity;
        }
    }

    private final ConcurrentMap<String, Entry> buckets = new ConcurrentHashMap<>();

    /** Takes one token; refused with the wait until the next one when the bucket is empty. */
    public Decision consume(Limit limit, String key) {
        ConsumptionProbe probe = bucket(limit, key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.ALLOWED
                : new Decision(false, roundUp(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** Whether a token is there, without taking it: used to refuse work before failures are counted. */
    public Decision check(Limit limit, String key) {
        EstimationProbe probe = bucket(limit, key).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Decision.ALLOWED
                : new Decision(false, roundUp(Duration.ofNanos(probe.getNanosToWaitForRefill())));
    }

    /** Forgets a key's history (e.g. an account's failures after a successful login). */
    public void reset(Limit limit, String key) {
        buckets.remove(limit.name() + ':' + key);
    }

    private Bucket bucket(Limit limit, String key) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.values().removeIf(Entry::full);
        }
        return buckets.computeIfAbsent(limit.name() + ':' + key,
                k -> new Entry(Bucket.builder().addLimit(limit.bandwidth()).build(), limit.capacity())).bucket();
    }

    private static Duration roundUp(Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Duration.ofSeconds(seconds);
    }
}
