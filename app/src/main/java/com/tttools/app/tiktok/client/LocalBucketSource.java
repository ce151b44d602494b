package com.tttools.app.tiktok.client;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Buckets in this JVM, shared by every caller on the node. */
final class LocalBucketSource implements BucketSource {

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public Bucket bucket(String key, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0])
                .build());
    }
}
