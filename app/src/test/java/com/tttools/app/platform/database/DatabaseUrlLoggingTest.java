package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An external {@code DATABASE_URL} (or {@code DATABASE_MIGRATION_URL}) may carry a password in any place an
 * operator can put one: the start-up lines name the server and database, never the user's credentials.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseUrlLoggingTest {

    private static final String PASSWORD = "S3cretPassw0rd";

    @ParameterizedTest
    @ValueSource(strings = {
            "postgres://app:" + PASSWORD + "@db.example.com:5432/prod?sslmode=require",
            "postgres://app@db.example.com:5432/prod?sslmode=require&password=" + PASSWORD,
            "jdbc:postgresql://db.example.com:5432/prod?user=app&password=" + PASSWORD + "&sslmode=require",
            "jdbc:postgresql://app:" + PASSWORD + "@db.example.com:5432/prod",
            "jdbc:postgresql://app:" + PASSWORD + "/x@db.example.com:5432/prod"})
    void theDatabaseUrlIsLoggedWithoutItsCredentials(String url, CapturedOutput output) throws Exception {
        DatabaseProperties properties = new DatabaseProperties(url, 10, url, TransactionPooler.Mode.OFF,
                new DatabaseProperties.Embedded(Path.of("unused"), 0, false));

        try (DatabaseServer server = DatabaseServer.start(properties)) {
            assertThat(server.target().toString()).doesNotContain(PASSWORD);
        }
        new DataSourceConfiguration().migrationConnection(properties).customize(new FluentConfiguration());

        assertThat(output).contains("Using the external PostgreSQL at").contains("Flyway migrates through")
                .doesNotContain(PASSWORD);
        if (!url.contains("@db.example.com")) {
            assertThat(output).contains("at jdbc:postgresql://db.example.com:5432/prod\n");
        }
    }
}
