package com.tttools.app.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tttools.app.inventory.AssetSync;
import com.tttools.app.jobs.JobRequest;
import com.tttools.app.jobs.JobStatus;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.platform.mail.DevMailbox;
import com.tttools.app.platform.mail.Mailer;
import com.tttools.app.platform.ratelimit.RateLimiter;
import com.tttools.app.shared.WorkspaceId;
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
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Integration tests that give a workspace the embedded simulator's data without OAuth: a simulator token stored for a
 * made-up connection id, and the connection's jobs run to success (the one copy of that setup).
 */
public abstract class SimulatedWorkspaceTest extends IntegrationTest {

    /** The simulated developer app the tokens are issued to. */
    public static final String DEV_APP = "7000000000000000001";

    @Autowired
    @Qualifier("tiktokSimulator")
    protected ServletRegistrationBean<DispatcherServlet> simulatorRegistration;
    @Autowired
    protected TikTokTokenStore tokenStore;
    @Autowired
    protected Jobs jobs;
    @Autowired
    protected Mailer mailer;
    @Autowired
    protected RateLimiter limiter;

    protected SimulatorControl simulator() {
        return EmbeddedSimulator.control(simulatorRegistration);
    }

    /** Users, organizations and workspaces made through the API. */
    protected Tenants tenants() {
        return new Tenants(port, (DevMailbox) mailer, limiter);
    }

    /** A made-up connection of a workspace (no connection row) and the simulator token stored for it. */
    public record SimulatedConnection(WorkspaceId workspace, UUID id, AccessToken token) {
    }

    /** A made-up connection of the workspace whose simulator token reaches those advertisers. */
    protected SimulatedConnection connect(WorkspaceId workspace, List<String> advertiserIds) {
        AccessToken token = new AccessToken(simulator().issueAccessToken(DEV_APP, advertiserIds));
        UUID connectionId = UUID.randomUUID();
        tokenStore.storeAccessToken(workspace, connectionId, token);
        return new SimulatedConnection(workspace, connectionId, token);
    }

    /** A connection to those advertisers whose asset sync has run to success; returns the connection's id. */
    protected UUID syncedAssets(WorkspaceId workspace, List<String> advertiserIds) {
        UUID connectionId = connect(workspace, advertiserIds).id();
        runToSuccess(workspace, AssetSync.request(workspace, connectionId));
        return connectionId;
    }

    /** Submits the job and waits until it has finished; anything but success fails the test with its error. */
    protected JobView runToSuccess(WorkspaceId workspace, JobRequest<?> request) {
        JobView job = jobs.submit(request);
        JobView done = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> jobs.find(workspace, job.jobId()).orElseThrow(), j -> j.status().finished());
        assertThat(done.status()).as(done.lastError()).isEqualTo(JobStatus.SUCCEEDED);
        return done;
    }
}
