package com.tttools.app.inventory;

import com.tttools.app.shared.JobId;
import static org.awaitility.Awaitility.await;

import com.tttools.app.jobs.JobView;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.support.SimulatedWorkspaceTest;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Connections for inventory tests without OAuth: a simulator token stored for a made-up connection id. */
abstract class InventoryTestSupport extends SimulatedWorkspaceTest {

    @Autowired
    JdbcClient jdbc;

    JobView sync(SimulatedConnection connection) {
        JobView job = jobs.submit(AssetSync.request(connection.workspace(), connection.id()));
        return awaitFinished(connection.workspace(), job.jobId());
    }

    JobView awaitFinished(WorkspaceId workspace, JobId jobId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> jobs.find(workspace, jobId).orElseThrow(), job -> job.status().finished());
    }

    /** The first n advertisers of the simulated world, from the last one backwards (other suites use the first). */
    List<String> advertisers(int n) {
        List<String> all = simulator().advertiserIds();
        return all.subList(all.size() - n, all.size());
    }
}
