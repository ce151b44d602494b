package com.tttools.app.tiktok.client;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;

/** Where token buckets live: this JVM, or Redis so every node shares them. */
interface BucketSource {

    Bucket bucket(String key, BucketConfiguration configuration);
}
