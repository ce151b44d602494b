package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.database.DatabaseProperties;
import com.tttools.app.platform.database.DatabaseServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL keeps its data in its folder across a stop and a start (the quickstart relies on it). */
class EmbeddedDatabasePersistenceTest {

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer(@TempDir Path folder) throws Exception {
        var settings = new DatabaseProperties(null, 2, null, com.tttools.app.platform.database.TransactionPooler.Mode.AUTO, new DatabaseProperties.Embedded(folder.resolve("pg"), 0, false));

        try (DatabaseServer first = DatabaseServer.start(settings)) {
            assertThat(first.embedded()).isTrue();
            try (Connection c = connect(first); Statement s = c.createStatement()) {
                s.execute("create table kept(v text)");
                s.execute("insert into kept values ('still here')");
                try (ResultSet version = s.executeQuery("show server_version")) {
                    version.next();
                    assertThat(version.getString(1)).startsWith("17.");
                }
            }
        }
        try (DatabaseServer second = DatabaseServer.start(settings);
             Connection c = connect(second); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select v from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    private static Connection connect(DatabaseServer server) throws Exception {
        return DriverManager.getConnection(server.target().jdbcUrl(), server.target().username(), server.target().password());
    }
}
