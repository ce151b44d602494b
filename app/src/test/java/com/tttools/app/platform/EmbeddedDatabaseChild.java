package com.tttools.app.platform;

import com.tttools.app.platform.database.DatabaseProperties;
import com.tttools.app.platform.database.DatabaseServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * Run in a child JVM by {@link EmbeddedDatabaseCrashRecoveryIT}: starts the embedded PostgreSQL on the folder
 * given as the only argument, writes a row, prints READY and waits to be killed.
 */
public final class EmbeddedDatabaseChild {

    private EmbeddedDatabaseChild() {
    }

    public static void main(String[] args) throws Exception {
        var settings = new DatabaseProperties(null, 2, null, com.tttools.app.platform.database.TransactionPooler.Mode.AUTO, new DatabaseProperties.Embedded(Path.of(args[0]), 0, false));
        DatabaseServer server = DatabaseServer.start(settings);
        try (Connection c = DriverManager.getConnection(server.target().jdbcUrl(), server.target().username(),
                server.target().password()); Statement s = c.createStatement()) {
            s.execute("create table kept(v text)");
            s.execute("insert into kept values ('written before the crash')");
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
