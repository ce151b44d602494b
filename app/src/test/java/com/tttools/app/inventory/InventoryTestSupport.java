package com.tttools.app.inventory;

import com.tttools.app.shared.JobId;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.IntegrationTest;
import com.tttools.app.tiktok.tokens.AccessToken;
import com.tttools.app.tiktok.tokens.TikTokTokenStore;
import com.tttools.simulator.EmbeddedSimulator;
import com.tttools.simulator.SimulatorControl;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.DispatcherServlet;

/** Connections for inventory tests without OAuth: a simulator token stored for a made-up connection id. */
abstract class InventoryTestSupport extends IntegrationTest {

    static final String DEV_APP = "7000000000000000001";

    @Autowired
    @Qualifier("tiktokSimulator")
    ServletRegistrationBean<DispatcherServlet> simulatorRegistration;
    @Autowired
    TikTokTokenStore tokenStore;
    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    SimulatorControl simulator() {
        return EmbeddedSimulator.control(simulatorRegistration);
    }

    /** A connection of the workspace whose token reaches the given advertisers. */
    record TestConnection(WorkspaceId workspace, UUID id, AccessToken token) {
    }

    TestConnection connect(WorkspaceId workspace, List<String> advertiserIds) {
        AccessToken token = new AccessToken(simulator().issueAccessToken(DEV_APP, advertiserIds));
        UUID connectionId = UUID.randomUUID();
        tokenStore.storeAccessToken(workspace, connectionId, token);
        return new TestConnection(workspace, connectionId, token);
    }

    JobView sync(TestConnection connection) {
        JobView job = jobs.submit(AssetSync.request(connection.workspace(), connection.id()));
        return awaitFinished(connection.workspace(), job.id());
    }

    JobView awaitFinished(WorkspaceId workspace, String jobId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.find(workspace, JobId.of(jobId)).orElseThrow(), job -> job.status().finished());
    }

    /** The first n advertisers of the simulated world, from the last one backwards (other suites use the first). */
    List<String> advertisers(int n) {
        List<String> all = simulator().advertiserIds();
        return all.subList(all.size() - n, all.size());
    }
}
