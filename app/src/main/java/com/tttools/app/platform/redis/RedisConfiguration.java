package com.tttools.app.platform.redis;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared Redis and its health indicator, when {@code REDIS_URL} is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RedisProperties.class)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("!'${tttools.redis.url:}'.isBlank()")
    SharedRedis sharedRedis(RedisProperties properties) {
        return new SharedRedis(properties);
    }

    @Bean
    @ConditionalOnExpression("!'${tttools.redis.url:}'.isBlank()")
    RedisHealthIndicator redisHealthIndicator(SharedRedis redis) {
        return new RedisHealthIndicator(redis);
    }
}
