package com.tttools.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.platform.database.DatabaseUrl;
import com.tttools.app.platform.database.InvalidDatabaseUrlException;
import com.tttools.app.platform.database.JdbcTarget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void supabaseStyleUrlBecomesJdbcWithSeparateCredentials() {
        JdbcTarget target = DatabaseUrl.parse(
                "postgres://postgres.abcd:s3cr%40t%2Fpw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require");
        assertThat(target.jdbcUrl())
                .isEqualTo("jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require");
        assertThat(target.username()).isEqualTo("postgres.abcd");
        assertThat(target.password()).isEqualTo("s3cr@t/pw");
        assertThat(target.toString()).doesNotContain("s3cr");
    }

    @Test
    void postgresqlSchemeWithoutPortDefaultsTo5432() {
        JdbcTarget target = DatabaseUrl.parse("postgresql://app@db.internal/tttools");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/tttools");
        assertThat(target.username()).isEqualTo("app");
        assertThat(target.password()).isNull();
    }

    @Test
    void jdbcUrlIsTakenAsItIs() {
        JdbcTarget target = DatabaseUrl.parse("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        assertThat(target.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        assertThat(target.username()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://u:p@h/db", "localhost:5432/db", "postgres://u:p@/db", "postgres://u:p@host",
            "postgres://u:p@host/", "postgres://u:p w@host/db", "postgres://u:p@host/a/b"})
    void malformedUrlsAreRejectedWithAClearMessageThatHidesThePassword(String url) {
        assertThatThrownBy(() -> DatabaseUrl.parse(url))
                .isInstanceOf(InvalidDatabaseUrlException.class)
                .hasMessageStartingWith("DATABASE_URL")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("p w").doesNotContain(":p@"));
    }
}
