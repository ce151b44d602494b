package com.tttools.app.platform.redis;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared Redis, when {@code REDIS_URL} is set, and its health indicator. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${tttools.redis.url:}'.isBlank()")
    SharedRedis sharedRedis(RedisProperties properties) {
        return new SharedRedis(properties);
    }

    /**
     * Always there, so the {@code redis} health group ({@code /actuator/health/redis}) has its member: UNKNOWN
     * without Redis (not UP, not DOWN). Its name, {@code sharedRedis}, differs from the group's (Boot refuses a
     * contributor and a group of one name).
     */
    @Bean
    RedisHealthIndicator sharedRedisHealthIndicator(ObjectProvider<SharedRedis> redis) {
        return new RedisHealthIndicator(redis.getIfAvailable());
    }
}
