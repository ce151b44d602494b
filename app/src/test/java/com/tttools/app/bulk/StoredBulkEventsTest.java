package com.tttools.app.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.shared.JobId;
import com.tttools.app.shared.OrganizationId;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.WorkspaceId;
import com.tttools.app.shared.audit.Actor;
import com.tttools.app.shared.audit.RequestMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The apply events are stored as Spring Modulith event publications (JSON) until their listeners finish: a
 * publication written when they carried the job id as a {@code String} must still deserialise now that they carry a
 * {@link JobId}, and new publications keep the same shape.
 */
class StoredBulkEventsTest {

    /** The events as they were before the typed id: what publications stored by the previous version hold. */
    record ApplyStartedAsStored(ChangeSetRef changeSet, Actor actor, String jobId, RequestMetadata request, Instant at) {
    }

    record FinishedAsStored(ChangeSetRef changeSet, UserId author, String jobId, ChangeSetStatus status,
            ChangeSetView.Counts counts, String revertOf, List<Map<String, Object>> changes, String reason, Instant at) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JobId JOB = JobId.of("6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f");
    private static final Instant AT = Instant.parse("2026-12-04T10:15:30Z");
    private static final ChangeSetRef REF = new ChangeSetRef(WorkspaceId.of(UUID.randomUUID().toString()),
            OrganizationId.of(UUID.randomUUID().toString()), UUID.randomUUID().toString(), BulkAction.values()[0],
            BulkLevel.values()[0], 3);
    private static final Actor ACTOR = Actor.user(UserId.of(UUID.randomUUID().toString()), "a@example.com");
    private static final RequestMetadata REQUEST = new RequestMetadata("192.0.2.1", "Firefox", "req-1");

    @Test
    void anApplyStartedStoredWithAStringJobIdDeserialisesWithTheTypedId() {
        String stored = JSON.writeValueAsString(new ApplyStartedAsStored(REF, ACTOR, JOB.toString(), REQUEST, AT));

        ChangeSetApplyStarted read = JSON.readValue(stored, ChangeSetApplyStarted.class);

        assertThat(read).isEqualTo(new ChangeSetApplyStarted(REF, ACTOR, JOB, REQUEST, AT));
        assertThat(read.auditEntry().details()).containsEntry("jobId", JOB.toString());
        assertThat(JSON.readTree(JSON.writeValueAsString(read))).as("new publications keep the stored shape")
                .isEqualTo(JSON.readTree(stored));
    }

    @Test
    void aFinishedStoredWithAStringJobIdDeserialisesWithTheTypedId() {
        ChangeSetView.Counts counts = new ChangeSetView.Counts(3, 0, 1, 1, 1, 1, 0);
        List<Map<String, Object>> changes = List.of(Map.of("id", "7200000000000000001", "before", 10, "after", 12));
        String stored = JSON.writeValueAsString(new FinishedAsStored(REF, ACTOR.userId(), JOB.toString(),
                ChangeSetStatus.values()[0], counts, null, changes, "stopped", AT));

        ChangeSetFinished read = JSON.readValue(stored, ChangeSetFinished.class);

        assertThat(read.jobId()).isEqualTo(JOB);
        assertThat(read).isEqualTo(new ChangeSetFinished(REF, ACTOR.userId(), JOB, ChangeSetStatus.values()[0], counts,
                null, changes, "stopped", AT));
        assertThat(JSON.readTree(JSON.writeValueAsString(read))).isEqualTo(JSON.readTree(stored));
    }
}
