package com.tttools.app.platform.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code sharedRedis} in {@code /actuator/health} (and the group {@code /actuator/health/redis}): UP when Redis answers a
 * PING within the timeout, DOWN otherwise, UNKNOWN when no Redis is configured (which leaves the aggregate as is).
 * Redis is optional (the limiters fall back to per-node buckets), so it is in neither the liveness nor the
 * readiness group: a node without Redis keeps serving, and the aggregate health shows the outage. Each call
 * asks Redis afresh (nothing cached), and Lettuce reconnects within seconds, so it reads UP again soon after
 * Redis returns.
 */
class RedisHealthIndicator implements HealthIndicator {

    private final SharedRedis redis;

    RedisHealthIndicator(SharedRedis redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        if (redis == null) {
            return Health.unknown().build();
        }
        return redis.ping() ? Health.up().build() : Health.down().build();
    }
}
