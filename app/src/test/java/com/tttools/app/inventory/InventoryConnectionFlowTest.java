package com.tttools.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.jobs.JobFilter;
import com.tttools.app.jobs.JobView;
import com.tttools.app.jobs.Jobs;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.support.ModuleTest;
import com.tttools.app.tiktok.TikTokConnectionEvents.ConnectionEstablished;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/** The inventory module with the modules it uses: what it does when it hears of a new TikTok connection. */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
class InventoryConnectionFlowTest extends ModuleTest {

    @Autowired
    Jobs jobs;
    @Autowired
    JdbcClient jdbc;

    final WorkspaceId workspace = WorkspaceId.random();
    final OrganizationId organization = OrganizationId.random();
    final UserId user = UserId.random();
    final UUID connection = UUID.randomUUID();

    @Test
    void aNewConnectionGetsItsFirstAssetSyncOnBehalfOfWhoConnected(Scenario scenario) {
        // the connection as tiktok stores it (no token: nothing runs the queued job in this context)
        jdbc.sql("""
                        INSERT INTO tiktok_connection (id, workspace_id, organization_id, kind, status, connected_by,
                                                       connected_at)
                        VALUES (:id, :ws, :org, 'ADVERTISER', 'ACTIVE', :user, now())""")
                .param("id", connection).param("ws", workspace.value()).param("org", organization.value())
                .param("user", user.value()).update();

        scenario.publish(established())
                .andWaitForStateChange(this::assetSyncs, syncs -> !syncs.isEmpty())
                .andVerify(syncs -> {
                    assertThat(syncs).hasSize(1);
                    assertThat(syncs.get(0).type()).isEqualTo("tiktok.asset-sync");
                    assertThat(syncs.get(0).createdBy()).isEqualTo(user.toString());
                    assertThat(jdbc.sql("SELECT payload->>'connectionId' FROM jobs WHERE id = :id")
                            .param("id", UUID.fromString(syncs.get(0).id())).query(String.class).single())
                            .isEqualTo(connection.toString());
                    assertThat(jdbc.sql("SELECT concurrency_key FROM jobs WHERE id = :id")
                            .param("id", UUID.fromString(syncs.get(0).id())).query(String.class).single())
                            .isEqualTo(AssetSync.concurrencyKey(connection));
                });
    }

    private ConnectionEstablished established() {
        return new ConnectionEstablished(connection, workspace, organization, List.of("7000000000000000001"),
                List.of(1L), Actor.user(user, "owner@example.com"), RequestMetadata.none(), Instant.now());
    }

    private List<JobView> assetSyncs() {
        return jobs.list(workspace, JobFilter.of(AssetSync.JOB), 10, null).items();
    }
}
