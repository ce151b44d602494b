package com.tttools.app.platform.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code redis} in {@code /actuator/health}: UP when Redis answers a PING within the timeout, DOWN otherwise.
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
        return redis.ping() ? Health.up().build() : Health.down().build();
    }
}
