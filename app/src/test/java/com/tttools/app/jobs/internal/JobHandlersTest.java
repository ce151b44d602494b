package com.tttools.app.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.support.GenericApplicationContext;

class JobHandlersTest {

    record Ping(String word) {
    }

    record Pong(int count) {
    }

    static final JobType<Ping> PING = JobType.of("test.ping", Ping.class);

    static class PingHandler implements JobHandler<Ping> {
        @Override
        public JobType<Ping> type() {
            return PING;
        }

        @Override
        public void run(JobRun run, Ping payload) {
        }
    }

    static class OtherPingHandler extends PingHandler {
    }

    static class NamelessHandler implements JobHandler<Ping> {
        @Override
        public JobType<Ping> type() {
            return null;
        }

        @Override
        public void run(JobRun run, Ping payload) {
        }
    }

    @Test
    void handlersAreFoundByTheirTypeName() {
        Map<String, JobHandler<?>> byName = JobHandlers.index(List.of(new PingHandler()));
        assertThat(byName).containsOnlyKeys("test.ping");
    }

    @Test
    void twoHandlersOfOneTypeFailStartUp() {
        try (GenericApplicationContext context = context(PingHandler.class, OtherPingHandler.class)) {
            assertThatThrownBy(context::refresh).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Two handlers for job type test.ping")
                    .hasMessageContaining(OtherPingHandler.class.getName());
        }
    }

    @Test
    void aHandlerWithoutATypeFailsStartUp() {
        try (GenericApplicationContext context = context(NamelessHandler.class)) {
            assertThatThrownBy(context::refresh).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("names no job type");
        }
    }

    @Test
    void aTypeNoHandlerRunsIsRefusedAndAStoredOneIsNotFound() {
        try (GenericApplicationContext context = context(PingHandler.class)) {
            context.refresh();
            JobHandlers handlers = context.getBean(JobHandlers.class);

            handlers.requireHandled(PING);
            assertThat(handlers.forName("test.ping")).containsInstanceOf(PingHandler.class);
            assertThat(handlers.forName("test.gone")).isEmpty();
            assertThatThrownBy(() -> handlers.requireHandled(JobType.of("test.pong", Pong.class)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("No handler for job type test.pong");
            assertThatThrownBy(() -> handlers.requireHandled(JobType.of("test.ping", Pong.class)))
                    .as("same name, another payload").isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Pong.class.getName());
        }
    }

    @Test
    void typeNamesAreLowerCaseWords() {
        assertThat(JobType.of("tiktok.asset-sync", Ping.class).name()).isEqualTo("tiktok.asset-sync");
        assertThatThrownBy(() -> JobType.of("Asset Sync", Ping.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobType.of("", Ping.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobType.of("sync.", Ping.class)).isInstanceOf(IllegalArgumentException.class);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ObjectProvider<JobHandler<?>> handlerBeans(GenericApplicationContext context) {
        return (ObjectProvider) context.getBeanProvider(JobHandler.class);
    }

    /** The registry as the application builds it: from the handler beans, once all singletons exist. */
    private static GenericApplicationContext context(Class<?>... handlerClasses) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean(JobHandlers.class, () -> new JobHandlers(handlerBeans(context)));
        for (Class<?> handler : handlerClasses) {
            context.registerBean(handler);
        }
        return context;
    }
}
