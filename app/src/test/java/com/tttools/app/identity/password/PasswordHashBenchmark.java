package com.tttools.app.identity.password;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The password-hash cost of docs/benchmarks.md (security check 5), skipped unless {@code -Dbench=true}:
 * <pre>
 * mvn -q -o -pl tiktok-simulator,app test -Dbench=true -Dtest=PasswordHashBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * The application's encoder (Argon2id m=19456 KiB, t=2, p=1) hashes and verifies {@value #SAMPLES} times after a
 * warm-up; the anchor is Spring Security's own preset ({@code defaultsForSpringSecurity_v5_8}, m=16384 KiB, t=2)
 * measured in the same run. Then {@value #PARALLEL} verifications at once on a pool as large (20 parallel sign-ins):
 * the wall time for all of them. Lines start with {@code BENCH}; nothing is asserted about time.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class PasswordHashBenchmark {

    static final int WARMUP = 10;
    static final int SAMPLES = 51;
    static final int PARALLEL = 20;
    static final String PASSWORD = "correct horse battery staple 42";

    @Test
    void measure() throws Exception {
        PasswordEncoder ours = new PasswordHashing().passwordEncoder();
        PasswordEncoder anchor = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        String hash = ours.encode(PASSWORD);
        String anchorHash = anchor.encode(PASSWORD);
        for (int i = 0; i < WARMUP; i++) {
            ours.matches(PASSWORD, hash);
            anchor.matches(PASSWORD, anchorHash);
        }
        List<Double> encode = new ArrayList<>();
        List<Double> verify = new ArrayList<>();
        List<Double> anchorVerify = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            encode.add(millis(() -> ours.encode(PASSWORD)));
            verify.add(millis(() -> ours.matches(PASSWORD, hash)));
            anchorVerify.add(millis(() -> anchor.matches(PASSWORD, anchorHash)));
        }
        double p50Verify = p50(verify);
        double p50Anchor = p50(anchorVerify);
        System.out.printf("BENCH argon2id m=19456 t=2 p=1: encode p50 %.1f ms (min %.1f, max %.1f), verify p50 %.1f ms%n",
                p50(encode), Collections.min(encode), Collections.max(encode), p50Verify);
        System.out.printf("BENCH anchor Spring preset m=16384 t=2 p=1: verify p50 %.1f ms; ours / anchor = %.2f%n",
                p50Anchor, p50Verify / p50Anchor);

        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            long started = System.nanoTime();
            List<Future<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                all.add(pool.submit(() -> ours.matches(PASSWORD, hash)));
            }
            for (Future<Boolean> one : all) {
                if (!one.get()) {
                    throw new AssertionError("a verification failed");
                }
            }
            double wall = (System.nanoTime() - started) / 1e6;
            System.out.printf("BENCH %d parallel verifications on %d cores: %.0f ms wall = %.1f x one verify p50%n",
                    PARALLEL, Runtime.getRuntime().availableProcessors(), wall, wall / p50Verify);
        } finally {
            pool.shutdownNow();
        }
    }

    static double millis(Runnable work) {
        long started = System.nanoTime();
        work.run();
        return (System.nanoTime() - started) / 1e6;
    }

    static double p50(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
