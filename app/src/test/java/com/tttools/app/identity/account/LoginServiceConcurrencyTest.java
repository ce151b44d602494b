package com.tttools.app.identity.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.identity.PendingAccountDeletions;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Concurrent sign-in attempts against the real limiter on a manual clock. The password encoder and the second
 * factor count their evaluations and hold every evaluating attempt at a gate until all attempts of a race
 * have either reached the gate or returned, so a check-then-act limiter lets every attempt through (and
 * fails these tests) while a consume-first one evaluates at most the limit.
 */
class LoginServiceConcurrencyTest {

    static final String PASSWORD = "correct horse battery staple";
    static final String CODE = "123456";

    final ManualClock clock = new ManualClock(Instant.parse("2026-12-04T10:00:00Z"));
    final RateLimiter limiter = new RateLimiter(clock);
    final Map<String, UserRecord> accounts = new ConcurrentHashMap<>();
    final Map<UserId, Boolean> twoFactor = new ConcurrentHashMap<>();
    final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile Gate gate = Gate.open();
    final AtomicInteger hashed = new AtomicInteger();
    final ExecutorService threads = Executors.newFixedThreadPool(80);

    final PasswordEncoder encoder = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            hashed.incrementAndGet();
            return "plain:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            gate.pass(gate.passwords);
            return encoded.equals("plain:" + raw);
        }
    };

    final SecondFactor factor = new SecondFactor() {
        @Override
        public boolean enabled(UserId userId) {
            return twoFactor.getOrDefault(userId, false);
        }

        @Override
        public boolean verify(UserId userId, String code, RequestMetadata request) {
            gate.pass(gate.codes);
            return CODE.equals(code);
        }
    };

    final LoginService logins = loginService();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void eightyConcurrentWrongPasswordsForOneAccountAreEvaluatedAtMostTenTimes() throws Exception {
        UserRecord user = user("victim@example.com");

        Race race = race(80, i -> logins.authenticate(user.email(), "guess " + i, null, ip("10.0.0." + i)));

        assertThat(race.gate.passwords.get()).isEqualTo(10);
        assertThat(race.count(LoginResult.Failed.class)).isEqualTo(10);
        assertThat(race.count(LoginResult.Throttled.class)).isEqualTo(70);
        assertThat(events.stream().filter("login.locked"::equals)).hasSize(1);
    }

    @Test
    void afterTheLockOutOneRefilledTokenLetsOneAttemptThrough() throws Exception {
        UserRecord user = user("locked@example.com");
        race(20, i -> logins.authenticate(user.email(), "guess " + i, null, ip("10.0.1." + i)));
        assertThat(events).containsOnlyOnce("login.locked");

        clock.advance(Duration.ofSeconds(90));
        Race race = race(20, i -> logins.authenticate(user.email(), "again " + i, null, ip("10.0.2." + i)));

        assertThat(race.gate.passwords.get()).isEqualTo(1);
        assertThat(race.count(LoginResult.Throttled.class)).isEqualTo(19);
    }

    @Test
    void eightyConcurrentWrongLoginsFromOneIpAreEvaluatedAtMostThirtyTimes() throws Exception {
        for (int i = 0; i < 40; i++) {
            user("member" + i + "@example.com");
        }

        Race race = race(80, i -> logins.authenticate(i % 2 == 0 ? "member" + i / 2 + "@example.com"
                : "nobody" + i + "@example.com", "guess", null, ip("203.0.113.7")));

        assertThat(race.gate.passwords.get()).isEqualTo(30);
        assertThat(race.count(LoginResult.Throttled.class)).isEqualTo(50);
    }

    @Test
    void concurrentWrongSecondFactorCodesAreEvaluatedAtMostTenTimes() throws Exception {
        UserRecord user = user("mfa@example.com");
        twoFactor.put(user.id(), true);

        Race step = race(40, i -> logins.completeSecondFactor(user, String.format("%06d", i), ip("10.0.3." + i)));
        assertThat(step.gate.codes.get()).isEqualTo(10);
        assertThat(step.count(LoginResult.Throttled.class)).isEqualTo(30);

        clock.advance(Duration.ofMinutes(15));
        Race withPassword = race(40, i -> logins.authenticate(user.email(), PASSWORD, String.format("%06d", i),
                ip("10.0.4." + i)));
        assertThat(withPassword.gate.passwords.get()).isEqualTo(10);
        assertThat(withPassword.gate.codes.get()).isEqualTo(10);
    }

    @Test
    void successesAndPasswordStepsDoNotCountAsFailures() {
        UserRecord user = user("good@example.com");
        for (int i = 0; i < 9; i++) {
            assertThat(logins.authenticate(user.email(), "wrong", null, ip("198.51.100.1")))
                    .isInstanceOf(LoginResult.Failed.class);
        }
        for (int i = 0; i < 40; i++) {
            assertThat(logins.authenticate(user.email(), PASSWORD, null, ip("198.51.100.1")))
                    .isInstanceOf(LoginResult.Succeeded.class);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(logins.authenticate(user.email(), "wrong", null, ip("198.51.100.2")))
                    .isInstanceOf(LoginResult.Failed.class);
        }
        assertThat(logins.authenticate(user.email(), PASSWORD, null, ip("198.51.100.2")))
                .isInstanceOf(LoginResult.Throttled.class);

        UserRecord mfa = user("mfa-steps@example.com");
        twoFactor.put(mfa.id(), true);
        for (int i = 0; i < 20; i++) {
            assertThat(logins.authenticate(mfa.email(), PASSWORD, null, ip("198.51.100.3")))
                    .isInstanceOf(LoginResult.SecondFactorRequired.class);
        }
        assertThat(logins.completeSecondFactor(mfa, CODE, ip("198.51.100.3"))).isInstanceOf(LoginResult.Succeeded.class);
    }

    @Test
    void anUnknownAccountBeforeTheApplicationIsReadyHashesTheDummyItselfOnce() {
        int before = hashed.get();

        assertThat(logins.authenticate("nobody@example.com", "guess", null, ip("192.0.2.1")))
                .isInstanceOf(LoginResult.Failed.class);
        assertThat(logins.authenticate("nobody-else@example.com", "guess", null, ip("192.0.2.1")))
                .isInstanceOf(LoginResult.Failed.class);

        assertThat(hashed.get() - before).as("the dummy hashed by the first attempt, reused by the second").isEqualTo(1);
        assertThat(gate.passwords.get()).as("each attempt verified a password").isEqualTo(2);
    }

    @Test
    void onceTheApplicationIsReadyTheDummyIsHashedInTheBackgroundAndUnknownAccountsOnlyVerify() {
        int before = hashed.get();

        logins.hashDummyPasswordWhenReady();
        await().atMost(Duration.ofSeconds(20)).until(() -> hashed.get() - before == 1);
        assertThat(logins.authenticate("nobody@example.com", "guess", null, ip("192.0.2.2")))
                .isInstanceOf(LoginResult.Failed.class);

        assertThat(hashed.get() - before).isEqualTo(1);
        assertThat(gate.passwords.get()).isEqualTo(1);
    }

    // --- the race ---

    record Race(Gate gate, List<LoginResult> results) {

        long count(Class<? extends LoginResult> type) {
            return results.stream().filter(type::isInstance).count();
        }
    }

    Race race(int attempts, IntFunction<LoginResult> attempt) throws Exception {
        Gate closed = Gate.closed();
        gate = closed;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger returned = new AtomicInteger();
        List<Future<LoginResult>> futures = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            int n = i;
            futures.add(threads.submit(() -> {
                start.await();
                try {
                    return attempt.apply(n);
                } finally {
                    returned.incrementAndGet();
                }
            }));
        }
        start.countDown();
        // every attempt either waits at the gate (it is being evaluated) or has returned (it was refused)
        await().atMost(Duration.ofSeconds(20)).until(() -> closed.waiting.get() + returned.get() == attempts);
        closed.release.countDown();
        List<LoginResult> results = new ArrayList<>();
        for (Future<LoginResult> future : futures) {
            results.add(future.get(20, TimeUnit.SECONDS));
        }
        gate = Gate.open();
        return new Race(closed, results);
    }

    record Gate(CountDownLatch release, AtomicInteger waiting, AtomicInteger passwords, AtomicInteger codes) {

        static Gate open() {
            return new Gate(new CountDownLatch(0), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }

        static Gate closed() {
            return new Gate(new CountDownLatch(1), new AtomicInteger(), new AtomicInteger(), new AtomicInteger());
        }

        void pass(AtomicInteger evaluations) {
            evaluations.incrementAndGet();
            waiting.incrementAndGet();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                waiting.decrementAndGet();
            }
        }
    }

    // --- collaborators ---

    UserRecord user(String email) {
        UserRecord user = new UserRecord(UserId.random(), email, "Someone", encoder.encode(PASSWORD), clock.instant(),
                clock.instant(), clock.instant());
        accounts.put(UserRepository.normalize(email), user);
        return user;
    }

    /** The request metadata of a sign-in from {@code address}: the login limits key on its IP. */
    private static RequestMetadata ip(String address) {
        return new RequestMetadata(address, "concurrency-test", null);
    }

    private LoginService loginService() {
        UserRepository users = new UserRepository(null) {
            @Override
            public Optional<UserRecord> findByEmail(String email) {
                return Optional.ofNullable(accounts.get(UserRepository.normalize(email)));
            }
        };
        SecurityEvents securityEvents = new SecurityEvents(null, clock) {
            @Override
            public void publish(String type, UserId userId, String email, Map<String, String> details,
                    RequestMetadata request) {
                events.add(type);
            }
        };
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("secondFactor", factor);
        return new LoginService(users, encoder, limiter, beans.getBeanProvider(SecondFactor.class), securityEvents,
                beans.getBeanProvider(PendingAccountDeletions.class));
    }
}
