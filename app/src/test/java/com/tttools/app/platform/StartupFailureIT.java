package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.TttoolsApplication;
import com.tttools.app.platform.config.MissingProductionSettingsException;
import com.tttools.app.platform.config.ProductionSettingsGuardAccess;
import com.tttools.app.platform.config.UnsafeProductionSettingsException;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

/** Start-up refuses bad configuration with a short report, not a wall of stack trace. */
@ExtendWith(OutputCaptureExtension.class)
// The prod-profile starts switch logging to JSON; a default-profile start runs last and switches it back,
// so the rest of the suite logs readably.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StartupFailureIT {

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
                .run("--DATABASE_URL=", "--TTTOOLS_BASE_URL=", "--TTTOOLS_ENCRYPTION_KEYS=", "--SMTP_HOST=",
                        "--RESEND_API_KEY=", "--POSTMARK_SERVER_TOKEN=", "--TTTOOLS_OPERATOR_NAME=",
                        "--TTTOOLS_PRIVACY_CONTACT="))
                .hasMessageContaining("DATABASE_URL, TTTOOLS_BASE_URL, TTTOOLS_ENCRYPTION_KEYS, TTTOOLS_OPERATOR_NAME, "
                        + "TTTOOLS_PRIVACY_CONTACT, SMTP_HOST or RESEND_API_KEY or POSTMARK_SERVER_TOKEN");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("The prod profile needs these environment variables, which are not set: "
                        + "DATABASE_URL, TTTOOLS_BASE_URL, TTTOOLS_ENCRYPTION_KEYS, TTTOOLS_OPERATOR_NAME, "
                        + "TTTOOLS_PRIVACY_CONTACT, SMTP_HOST or RESEND_API_KEY or POSTMARK_SERVER_TOKEN")
                .doesNotContain("Embedded PostgreSQL started");
    }

    @Test
    @Order(2)
    void prodProfileNamesOnlyWhatIsMissing(CapturedOutput output) {
        assertThatThrownBy(() -> app().profiles("prod")
                .run("--DATABASE_URL=postgres://u:p@127.0.0.1:1/db", "--TTTOOLS_BASE_URL=https://ads.example.com",
                        "--TTTOOLS_ENCRYPTION_KEYS=", "--SMTP_HOST=smtp.example.com", OPERATOR, CONTACT))
                .hasMessageEndingWith("not set: TTTOOLS_ENCRYPTION_KEYS");
    }

    /** Without a mail channel prod would fall back to the in-memory dev mailbox: refused, whatever else is set. */
    @Test
    @Order(2)
    void prodProfileRefusesToStartWithoutAMailChannel(CapturedOutput output) {
        assertThatThrownBy(() -> app().profiles("prod")
                .run("--DATABASE_URL=postgres://u:p@127.0.0.1:1/db", "--TTTOOLS_BASE_URL=https://ads.example.com",
                        KEYS, OPERATOR, CONTACT, "--SMTP_HOST=", "--RESEND_API_KEY=", "--POSTMARK_SERVER_TOKEN="))
                .isInstanceOf(MissingProductionSettingsException.class)
                .hasMessageEndingWith("not set: SMTP_HOST or RESEND_API_KEY or POSTMARK_SERVER_TOKEN");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START").doesNotContain("Dev mailbox");
    }

    @Test
    @Order(2)
    void prodProfileRefusesAPlainHttpBaseUrlNamingTheSetting(CapturedOutput output) {
        assertThatThrownBy(() -> app().profiles("prod")
                .run("--DATABASE_URL=postgres://u:p@127.0.0.1:1/db", "--TTTOOLS_BASE_URL=http://ads.example.com",
                        KEYS, OPERATOR, CONTACT, "--RESEND_API_KEY=re_x"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("TTTOOLS_BASE_URL must be an https:// URL");
        assertThat(output.getAll()).contains("APPLICATION FAILED TO START")
                .contains("TTTOOLS_BASE_URL must be an https:// URL").doesNotContain("\tat ");
    }

    @Test
    @Order(2)
    void prodProfileRefusesARemoteDatabaseWithoutTlsAndNeverPrintsItsPassword(CapturedOutput output) {
        for (String url : List.of("postgres://u:hunter2@db.example.com:5432/app",
                "postgres://u:hunter2@db.example.com/app?sslmode=prefer",
                "jdbc:postgresql://db.example.com:5432/app?password=hunter2&sslmode=disable")) {
            assertThatThrownBy(() -> app().profiles("prod")
                    .run("--DATABASE_URL=" + url, "--TTTOOLS_BASE_URL=https://ads.example.com", KEYS, OPERATOR,
                            CONTACT, "--POSTMARK_SERVER_TOKEN=pm"))
                    .as(url)
                    .isInstanceOf(UnsafeProductionSettingsException.class)
                    .hasMessageContaining("DATABASE_URL points to a database on another machine without TLS: add "
                            + "sslmode=require (or verify-ca / verify-full)");
        }
        assertThat(output.getAll()).contains("sslmode=require").doesNotContain("hunter2");
    }

    @Test
    void prodGuardAcceptsTlsToARemoteDatabaseAndPlainConnectionsOnLoopback() {
        for (String url : List.of("postgres://u:p@db.example.com/app?sslmode=require",
                "postgres://u:p@db.example.com/app?sslmode=verify-full", "jdbc:postgresql://db.example.com/app?sslmode=verify-ca",
                "postgres://u:p@localhost:5432/app", "postgres://u:p@127.0.0.1/app", "postgres://u:p@[::1]:5432/app")) {
            MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", url)
                    .withProperty("TTTOOLS_BASE_URL", "https://ads.example.com");
            assertThat(ProductionSettingsGuardAccess.unsafe(environment)).as(url).isEmpty();
        }
    }

    private static final String OPERATOR = "--TTTOOLS_OPERATOR_NAME=Example Ads GmbH";
    private static final String CONTACT = "--TTTOOLS_PRIVACY_CONTACT=privacy@example.com";
    private static final String KEYS = "--TTTOOLS_ENCRYPTION_KEYS=k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(TttoolsApplication.class).web(WebApplicationType.NONE);
    }
}
