package com.tttools.nodes;

import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.events.EventResubmission;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.tiktok.tokens.AccessToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A job type for the several-nodes test ({@code TwoNodesIT}), added to child apps only, with
 * {@code --spring.main.sources=com.tttools.nodes.NodeProbe}: this package lies outside {@code com.tttools.app}, so
 * no component scan (and no other test's context) sees it. Each run writes a "started" and a "finished" row to
 * {@code node_probe_runs} (a table the test creates) naming the node ({@code node-probe.node}), sleeps, and makes
 * TikTok calls through the product's client (its shared rate limiter); it logs both ends, so the test can read the
 * job's log lines. Jobs are submitted by a real request to the node.
 * <p>
 * Likewise an event ({@link ProbeEvent}) whose listener the event publication registry records: each attempt
 * writes "started" and "finished" rows to {@code node_probe_events} (also the test's), sleeps, and may fail its
 * first attempt. A request publishes them; another runs the product's resubmission ({@link EventResubmission}) on
 * the node at once, as its recurring task would.
 */
@Configuration(proxyBeanMethods = false)
@Import({NodeProbe.Handler.class, NodeProbe.Submissions.class, NodeProbe.ProbeEventListener.class,
        NodeProbe.Events.class})
public class NodeProbe {

    public static final JobType<Payload> TYPE = JobType.of("test.node-probe", Payload.class);
    /** The log line each run writes at its end, whichever node runs it. */
    public static final String FINISHED = "Node probe job finished on node ";

    /** @param tiktokCalls {@code advertiser/info/} calls of {@code advertiserId} with {@code accessToken} */
    public record Payload(long sleepMillis, int tiktokCalls, String accessToken, String advertiserId) {
    }

    public record Submit(@Min(1) @Max(1000) int count, @Min(0) long sleepMillis, @Min(0) int tiktokCalls,
            String accessToken, String advertiserId) {
    }

    /**
     * @param firstSleepMillis how long the first attempt takes (before it fails, when {@code firstFails})
     * @param retrySleepMillis how long each later attempt takes
     */
    public record ProbeEvent(String id, long firstSleepMillis, boolean firstFails, long retrySleepMillis) {
    }

    public record Publish(@NotBlank String marker, @Min(1) @Max(100) int count, @Min(0) long firstSleepMillis,
            boolean firstFails, @Min(0) long retrySleepMillis) {
    }

    static final class Handler implements JobHandler<Payload> {

        private static final Logger log = LoggerFactory.getLogger(NodeProbe.class);

        private final JdbcClient jdbc;
        private final MarketingApi tiktok;
        private final String node;

        Handler(JdbcClient jdbc, MarketingApi tiktok, @Value("${node-probe.node}") String node) {
            this.jdbc = jdbc;
            this.tiktok = tiktok;
            this.node = node;
        }

        @Override
        public JobType<Payload> type() {
            return TYPE;
        }

        @Override
        public void run(JobRun run, Payload payload) throws Exception {
            record(run, "started");
            log.info("Node probe job started on node {}", node);
            Thread.sleep(payload.sleepMillis());
            for (int i = 0; i < payload.tiktokCalls(); i++) {
                tiktok.call(ApiCall.get("advertiser/info/").param("advertiser_ids", List.of(payload.advertiserId())),
                        new AccessToken(payload.accessToken()));
            }
            record(run, "finished");
            log.info(FINISHED + "{}", node);
        }

        private void record(JobRun run, String event) {
            jdbc.sql("INSERT INTO node_probe_runs (job_id, node, event) VALUES (CAST(:job AS uuid), :node, :event)")
                    .param("job", run.jobId().value()).param("node", node).param("event", event).update();
        }
    }

    /**
     * Records each attempt outside any transaction, so that the "started" row of an attempt that fails stays. A
     * transactional listener after commit, as the product's are: the registry records a publication for it.
     */
    static class ProbeEventListener {

        private final JdbcClient jdbc;
        private final String node;

        ProbeEventListener(JdbcClient jdbc, @Value("${node-probe.node}") String node) {
            this.jdbc = jdbc;
            this.node = node;
        }

        @Async
        @TransactionalEventListener
        public void on(ProbeEvent event) throws InterruptedException {
            boolean first = jdbc.sql("SELECT count(*) FROM node_probe_events WHERE event_id = :id AND event = 'started'")
                    .param("id", event.id()).query(Long.class).single() == 0;
            record(event, "started");
            Thread.sleep(first ? event.firstSleepMillis() : event.retrySleepMillis());
            if (first && event.firstFails()) {
                throw new IllegalStateException("Node probe event " + event.id() + " fails its first attempt");
            }
            record(event, "finished");
        }

        private void record(ProbeEvent event, String what) {
            jdbc.sql("INSERT INTO node_probe_events (event_id, node, event) VALUES (:id, :node, :event)")
                    .param("id", event.id()).param("node", node).param("event", what).update();
        }
    }

    /** {@code POST .../node-probe/events} publishes probe events in one transaction; {@code .../resubmit} resubmits. */
    @RestController
    static class Events {

        private final ApplicationEventPublisher publisher;
        private final EventResubmission resubmission;

        Events(ApplicationEventPublisher publisher, EventResubmission resubmission) {
            this.publisher = publisher;
            this.resubmission = resubmission;
        }

        @PostMapping("/api/v1/workspaces/{wsId}/node-probe/events")
        @Transactional
        public Map<String, Object> publish(@RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId workspace,
                @Valid @RequestBody Publish publish) {
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < publish.count(); i++) {
                String id = publish.marker() + "-" + i;
                publisher.publishEvent(new ProbeEvent(id, publish.firstSleepMillis(), publish.firstFails(),
                        publish.retrySleepMillis()));
                ids.add(id);
            }
            return Map.of("eventIds", ids);
        }

        @PostMapping("/api/v1/workspaces/{wsId}/node-probe/resubmit")
        public Map<String, Object> resubmit(@RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId workspace) {
            resubmission.resubmitDue();
            return Map.of();
        }
    }

    /** {@code POST .../node-probe/jobs}: queues {@code count} probe jobs in one request (one transaction). */
    @RestController
    static class Submissions {

        private final Jobs jobs;

        Submissions(Jobs jobs) {
            this.jobs = jobs;
        }

        @PostMapping("/api/v1/workspaces/{wsId}/node-probe/jobs")
        @Transactional
        public Map<String, Object> submit(@RequireWorkspace(WorkspacePermission.TRIGGER_SYNC) WorkspaceId workspace,
                @Valid @RequestBody Submit submit) {
            Payload payload = new Payload(submit.sleepMillis(), submit.tiktokCalls(), submit.accessToken(),
                    submit.advertiserId());
            List<String> ids = new java.util.ArrayList<>();
            for (int i = 0; i < submit.count(); i++) {
                ids.add(jobs.submit(JobRequest.of(workspace, TYPE, payload)).id());
            }
            return Map.of("jobIds", ids);
        }
    }
}
