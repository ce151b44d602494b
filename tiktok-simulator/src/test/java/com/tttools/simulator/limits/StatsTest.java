package com.tttools.simulator.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StatsTest {

    final AtomicLong millis = new AtomicLong(1_780_000_000_000L);
    final Stats stats = new Stats(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    });

    @Test
    void eachTokensCallsAreCountedPerSecondOfArrivalForTheLastHour() {
        stats.call("/campaign/get/", "a");
        millis.addAndGet(999);
        stats.call("/campaign/get/", "a");
        stats.call("/campaign/get/", "b");
        millis.addAndGet(1);
        stats.call("/ad/get/", "a");
        stats.call("/oauth2/access_token/", null);

        assertThat(perSecond("a")).containsExactly(Map.entry("1780000000", 2L), Map.entry("1780000001", 1L));
        assertThat(perSecond("b")).containsExactly(Map.entry("1780000000", 1L));

        millis.addAndGet(3601_000);
        stats.call("/ad/get/", "a");
        assertThat(perSecond("a")).as("seconds older than an hour are dropped")
                .containsExactly(Map.entry("1780003602", 1L));
        assertThat(perSecond()).as("and tokens idle that long").containsOnlyKeys("a");

        stats.clear();
        assertThat(perSecond()).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Long>> perSecond() {
        return (Map<String, Map<String, Long>>) stats.snapshot().get("calls_per_second_per_token");
    }

    private Map<String, Long> perSecond(String token) {
        return perSecond().get(token);
    }
}
