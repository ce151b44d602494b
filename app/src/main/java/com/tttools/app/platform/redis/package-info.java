/**
 * The optional shared Redis ({@code REDIS_URL}): one lazily opened connection, the abuse limiter's buckets on it,
 * and its health. Internal to the platform module.
 */
package com.tttools.app.platform.redis;
