package com.tttools.nodes;

import com.tttools.app.jobs.JobHandler;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobRun;
import com.tttools.app.jobs.JobType;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.tenancy.RequireWorkspace;
import com.tttools.app.tenancy.WorkspacePermission;
import com.tttools.app.tiktok.ApiCall;
import com.tttools.app.tiktok.client.MarketingApi;
import com.tttools.app.tiktok.tokens.AccessToken;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
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
 */
@Configuration(proxyBeanMethods = false)
@Import({NodeProbe.Handler.class, NodeProbe.Submissions.class})
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
