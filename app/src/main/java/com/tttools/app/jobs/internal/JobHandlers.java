package com.tttools.app.jobs.internal;

import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The handler of every job type, by name, built once every bean exists (handlers depend on services that submit
 * jobs, so they cannot be constructor arguments of the jobs module). A handler without a type or two handlers of
 * one type fail start-up; submitting a type no handler runs fails at once.
 */
@Component
class JobHandlers implements SmartInitializingSingleton {

    private final ObjectProvider<JobHandler<?>> provider;
    private volatile Map<String, JobHandler<?>> byName;

    JobHandlers(ObjectProvider<JobHandler<?>> provider) {
        this.provider = provider;
    }

    @Override
    public void afterSingletonsInstantiated() {
        byName = index(provider.orderedStream().toList());
    }

    static Map<String, JobHandler<?>> index(List<? extends JobHandler<?>> handlers) {
        Map<String, JobHandler<?>> byName = new HashMap<>();
        for (JobHandler<?> handler : handlers) {
            JobType<?> type = handler.type();
            if (type == null) {
                throw new IllegalStateException(handler.getClass().getName() + " names no job type");
            }
            JobHandler<?> earlier = byName.putIfAbsent(type.name(), handler);
            if (earlier != null) {
                throw new IllegalStateException("Two handlers for job type " + type.name() + ": "
                        + earlier.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        return Map.copyOf(byName);
    }

    /** Every registered type, by name. */
    List<JobType<?>> types() {
        return handlers().values().stream().<JobType<?>>map(JobHandler::type)
                .sorted(java.util.Comparator.comparing(JobType::name)).toList();
    }

    /** The handler of a stored job's type; empty when none runs it (a type removed while jobs of it were queued). */
    Optional<JobHandler<?>> forName(String name) {
        return Optional.ofNullable(handlers().get(name));
    }

    /** Refuses a type no handler runs, or one whose payload differs from the handler's. */
    void requireHandled(JobType<?> type) {
        JobHandler<?> handler = handlers().get(type.name());
        if (handler == null || !handler.type().equals(type)) {
            throw new IllegalArgumentException("No handler for job type " + type.name()
                    + (handler == null ? "" : " with payload " + type.payloadType().getName()));
        }
    }

    private Map<String, JobHandler<?>> handlers() {
        Map<String, JobHandler<?>> handlers = byName;
        if (handlers == null) {
            throw new IllegalStateException("Job handlers are not known before start-up completes");
        }
        return handlers;
    }
}
