package com.tttools.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.privacy.PersonalDataExportStatus.State;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** An export's state: the API shows its name as before, the account page its words and badge. */
class PersonalDataExportStatusTest {

    @Test
    void theApiShowsTheStatesNameAndNothingOfThePagesWords() {
        var ready = new PersonalDataExportStatus("e1", State.READY, 100, "/api/v1/me/exports/e1/download",
                Instant.parse("2026-12-05T10:00:00Z"), Instant.parse("2026-12-04T10:00:00Z"));

        String json = JsonMapper.builder().build().writeValueAsString(ready);

        assertThat(json).contains("\"status\":\"READY\"").doesNotContain("Ready").doesNotContain("badge");
    }

    @Test
    void everyStateHasWordsOfItsOwnAndABadge() {
        for (State state : State.values()) {
            assertThat(state.words()).as(state.name()).isNotBlank().isNotEqualTo(state.name());
            assertThat(state.badge()).as(state.name()).startsWith("badge");
        }
        assertThat(State.READY.badge()).isEqualTo("badge badge-ok");
        assertThat(State.FAILED.badge()).isEqualTo("badge badge-warn");
    }
}
