package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.TttoolsApplication;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Start-up refuses bad configuration with a short report, not a wall of stack trace. */
@ExtendWith(OutputCaptureExtension.class)
// The prod-profile starts switch logging to JSON; a default-profile start runs last and switches it back,
// so the rest of the suite logs readably.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupFailureTest {

    @Test
    @Order(3)
    void malformedDatabaseUrlStopsStartupWithOneClearReport(CapturedOutput output) {
        assertThatThrownBy(() -> app().run("--tttools.database.url=mysql://root:hunter2@db/app"))
                .hasRootCauseMessage("DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql:// (its scheme is 'mysql')");
        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("DATABASE_URL must start with postgres://")
                .doesNotContain("hunter2")
                .doesNotContain("\tat ");
    }

    @Test
    @Order(1)
    void prodProfileRefusesToStartWithoutItsRequiredSettingsNamingEachOne(CapturedOutput output) {
        assertThatThrownBy(() -> app().profiles("prod")
                .run("--DATABASE_URL=", "--TTTOOLS_BASE_URL=", "--TTTOOLS_ENCRYPTION_KEYS="))
                .hasMessageContaining("DATABASE_URL, TTTOOLS_BASE_URL, TTTOOLS_ENCRYPTION_KEYS");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The prod profile needs these environment variables, which are not set: "
                        + "DATABASE_URL, TTTOOLS_BASE_URL, TTTOOLS_ENCRYPTION_KEYS")
                .doesNotContain("Embedded PostgreSQL started");
    }

    @Test
    @Order(2)
    void prodProfileNamesOnlyWhatIsMissing(CapturedOutput output) {
        assertThatThrownBy(() -> app().profiles("prod")
                .run("--DATABASE_URL=postgres://u:p@127.0.0.1:1/db", "--TTTOOLS_BASE_URL=https://ads.example.com",
                        "--TTTOOLS_ENCRYPTION_KEYS="))
                .hasMessageEndingWith("not set: TTTOOLS_ENCRYPTION_KEYS");
    }

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(TttoolsApplication.class).web(WebApplicationType.NONE);
    }
}
