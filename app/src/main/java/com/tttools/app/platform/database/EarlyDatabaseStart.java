package com.tttools.app.platform.database;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Profiles;

/**
 * Starts the embedded PostgreSQL on a thread of its own as soon as the environment is known, so that its
 * {@code initdb} (fresh data directory) or its start and recovery (kept one) run while Spring reads the
 * configuration classes and creates the beans that need no database; the {@code databaseServer} bean then takes
 * the running server instead of starting one (docs/benchmarks.md, "Start-up").
 *
 * <p>Registered by {@code TttoolsApplication.main} only: tests and child applications start the server the
 * ordinary way. Nothing is hidden: a failed start is rethrown by the bean, exactly as the synchronous start would
 * throw it; with an external {@code DATABASE_URL}, or in the {@code prod} profile (whose settings guard must refuse
 * the embedded server before it exists), nothing starts early. If the application fails before the bean took the
 * server, the server is stopped.
 */
public final class EarlyDatabaseStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyDatabaseStart.class);
    static final String BEAN_NAME = "earlyDatabaseStart";

    private volatile DatabaseProperties properties;
    private volatile CompletableFuture<DatabaseServer> server;
    private final AtomicBoolean taken = new AtomicBoolean();

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared);
        } else if (event instanceof ApplicationPreparedEvent prepared && server != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, this);
        } else if (event instanceof ApplicationFailedEvent) {
            stopIfNotTaken();
        }
    }

    private void start(ApplicationEnvironmentPreparedEvent event) {
        if (event.getEnvironment().acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        DatabaseProperties bound;
        try {
            bound = Binder.get(event.getEnvironment())
                    .bindOrCreate("tttools.database", Bindable.of(DatabaseProperties.class));
        } catch (RuntimeException e) {
            // the context binds (and validates) the same settings again and reports what is wrong with them
            log.debug("Database settings not bound early; the server starts with the context", e);
            return;
        }
        if (bound.external()) {
            return;
        }
        properties = bound;
        server = CompletableFuture.supplyAsync(() -> DatabaseServer.start(bound),
                runnable -> {
                    Thread thread = new Thread(runnable, "embedded-postgres-start");
                    thread.setDaemon(true);
                    thread.start();
                });
    }

    /**
     * The server started early for these settings (waiting for it if it is still starting), or {@code null} when
     * none was started for them: the caller then starts one itself.
     */
    DatabaseServer take(DatabaseProperties wanted) {
        if (server == null || !wanted.equals(properties) || !taken.compareAndSet(false, true)) {
            stopIfNotTaken();
            return null;
        }
        try {
            return server.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private void stopIfNotTaken() {
        if (server != null && taken.compareAndSet(false, true)) {
            try {
                server.join().close();
            } catch (CompletionException e) {
                // it did not start: nothing to stop, and the application's own error is the one to report
            } catch (IOException | RuntimeException e) {
                log.warn("Could not stop the embedded PostgreSQL started early", e);
            }
        }
    }
}
