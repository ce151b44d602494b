package com.tttools.app.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.platform.database.TransactionPooler.Mode;
import org.junit.jupiter.api.Test;

class TransactionPoolerTest {

    @Test
    void supabasesTransactionPoolerPortTurnsServerSidePreparedStatementsOff() {
        JdbcTarget pooled = DatabaseUrl.parse(
                "postgres://postgres.ref:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require");
        JdbcTarget adapted = TransactionPooler.adapt(pooled, Mode.AUTO);
        assertThat(adapted.jdbcUrl()).isEqualTo(
                "jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:6543/postgres?sslmode=require&prepareThreshold=0");
        assertThat(adapted.username()).isEqualTo("postgres.ref");
        assertThat(adapted.password()).isEqualTo("secret");
    }

    @Test
    void pgbouncerTrueMarksAPoolerAndDoesNotReachTheDriver() {
        JdbcTarget adapted = TransactionPooler.adapt(
                DatabaseUrl.parse("postgres://app@db.internal:6432/tttools?pgbouncer=true"), Mode.AUTO);
        assertThat(adapted.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6432/tttools?prepareThreshold=0");
    }

    @Test
    void aDirectOrSessionConnectionIsLeftAsItIs() {
        JdbcTarget session = DatabaseUrl.parse("postgres://postgres.ref:pw@aws-0-x.pooler.supabase.com:5432/postgres?sslmode=require");
        assertThat(TransactionPooler.detected(session, Mode.AUTO)).isFalse();
        assertThat(TransactionPooler.adapt(session, Mode.AUTO)).isEqualTo(session);
        assertThat(TransactionPooler.adapt(DatabaseUrl.parse("jdbc:postgresql://h:6543/db"), Mode.OFF).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:6543/db");
    }

    @Test
    void theSettingForcesItAndAnExplicitThresholdWins() {
        assertThat(TransactionPooler.adapt(DatabaseUrl.parse("jdbc:postgresql://h:5432/db"), Mode.ON).jdbcUrl())
                .isEqualTo("jdbc:postgresql://h:5432/db?prepareThreshold=0");
        assertThat(TransactionPooler.adapt(DatabaseUrl.parse("jdbc:postgresql://h:6543/db?prepareThreshold=-1"), Mode.AUTO)
                .jdbcUrl()).isEqualTo("jdbc:postgresql://h:6543/db?prepareThreshold=-1");
    }
}
