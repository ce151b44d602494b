package com.tttools.app.audit.internal;

import static com.tttools.app.audit.internal.AuditTestSupport.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditLog;
import com.tttools.app.audit.ChainVerification;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConcurrentAuditWritersIT extends IntegrationTest {

    private static final int THREADS = 8;
    private static final int EVENTS_PER_THREAD = 25;

    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;

    @Test
    void whenEightThreadsWriteToOneOrganizationAtOnceThenTheChainStaysValid() throws Exception {
        OrganizationId organization = OrganizationId.random();
        OrganizationId neighbour = OrganizationId.random();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EVENTS_PER_THREAD; i++) {
                        // Every other thread also writes to a second organization: chains must not block each other.
                        OrganizationId target = thread % 2 == 0 || i % 2 == 0 ? organization : neighbour;
                        auditLog.record(entry(target, null, "workspace.updated", Map.of("thread", thread, "i", i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        long inOrganization = count(organization);
        long inNeighbour = count(neighbour);
        assertThat(inOrganization + inNeighbour).isEqualTo(THREADS * EVENTS_PER_THREAD);
        assertThat(auditLog.verify(organization)).isEqualTo(ChainVerification.intact(inOrganization));
        assertThat(auditLog.verify(neighbour)).isEqualTo(ChainVerification.intact(inNeighbour));
        assertThat(jdbc.sql("SELECT max(seq) FROM audit_events WHERE organization_id = :org")
                .param("org", organization.value()).query(Long.class).single()).isEqualTo(inOrganization);
    }

    private long count(OrganizationId organization) {
        return jdbc.sql("SELECT count(*) FROM audit_events WHERE organization_id = :org")
                .param("org", organization.value()).query(Long.class).single();
    }
}
