package com.tttools.app.tiktok.connection;

import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import com.tttools.app.tenancy.TenancyEvents.WorkspacePurged;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A workspace removed for good takes its TikTok access with it: every live connection is disconnected (tokens
 * revoked at TikTok where possible, ciphertexts deleted). Runs after the purge committed; the event publication
 * registry retries it if this node stops half-way.
 */
@Component
class WorkspacePurgeListener {

    private final ConnectionRepository connections;
    private final Disconnector disconnector;
    private final Clock clock;

    WorkspacePurgeListener(ConnectionRepository connections, Disconnector disconnector, Clock clock) {
        this.connections = connections;
        this.disconnector = disconnector;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(WorkspacePurged purged) {
        for (ConnectionRow row : connections.list(purged.workspaceId())) {
            if (row.status() != ConnectionRow.Status.DISCONNECTED) {
                disconnector.disconnect(purged.workspaceId(), row.id(), Actor.system("job:workspace-purge"),
                        RequestMetadata.none(), clock.instant());
            }
        }
    }
}
