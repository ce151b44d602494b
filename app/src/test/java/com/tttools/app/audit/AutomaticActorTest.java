package com.tttools.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AutomaticActorTest {

    static final String WS = "0b7e5c1a-1111-4222-8333-444455556666";

    @Test
    void aJobThatStillExistsReadsAsItsKindAndLinksToItsPage() {
        UUID job = UUID.randomUUID();

        AutomaticActor actor = AutomaticActor.of("job:" + job, WS, Map.of(job, "Campaign and asset sync"));

        assertThat(actor.label()).isEqualTo("Campaign and asset sync (automatic)");
        assertThat(actor.href()).isEqualTo("/workspaces/" + WS + "/jobs/" + job);
        assertThat(actor.jobId()).isEqualTo(job);
    }

    @Test
    void aJobThatIsGoneOrOutsideAWorkspaceReadsInWordsWithoutALink() {
        UUID job = UUID.randomUUID();

        assertThat(AutomaticActor.of("job:" + job, WS, Map.of())).isEqualTo(
                new AutomaticActor("Background job (automatic)", job, null));
        assertThat(AutomaticActor.of("job:" + job, null, Map.of(job, "Report sync")).href()).isNull();
        assertThat(AutomaticActor.of("job:bulk.apply:" + job, WS, Map.of()).label())
                .isEqualTo("Apply bulk changes (automatic)");
    }

    @Test
    void theNamedSystemTasksAndSchedulesReadInWords() {
        assertThat(AutomaticActor.of("job:tiktok-token-refresh", WS, Map.of()).label())
                .isEqualTo("TikTok token refresh (automatic)");
        assertThat(AutomaticActor.of("job:privacy-retention-purge", null, Map.of()).label())
                .isEqualTo("Retention purge (automatic)");
        assertThat(AutomaticActor.of("task:bulk-expiry", WS, Map.of()).label()).isEqualTo("Change set expiry (automatic)");
        UUID changeSet = UUID.randomUUID();
        assertThat(AutomaticActor.of("schedule:" + changeSet, WS, Map.of())).isEqualTo(new AutomaticActor(
                "Scheduled change set (automatic)", null, "/workspaces/" + WS + "/bulk-operations/" + changeSet));
    }

    @Test
    void aTaskThisCatalogueDoesNotKnowStillReadsAsWordsNeverAsItsCode() {
        assertThat(AutomaticActor.of("job:nightly-digest", WS, Map.of()).label()).isEqualTo("Nightly digest (automatic)");
        assertThat(AutomaticActor.of("job:" + UUID.randomUUID() + "x", WS, Map.of()).label())
                .doesNotContain("job:").endsWith("(automatic)");
        assertThat(AutomaticActor.of(" ", WS, Map.of()).label()).isEqualTo("System (automatic)");
        assertThat(AutomaticActor.jobOf("job:tiktok-token-refresh")).isEmpty();
    }
}
