package com.tttools.app.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tttools.app.support.IntegrationTest;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The values the report CSV's COPY has written in as literals ({@link SqlLiterals}, since COPY takes no bind
 * parameters) read back through PostgreSQL as exactly themselves, whatever they hold and whatever the server's
 * {@code standard_conforming_strings}: no value can end its literal early and add SQL of its own.
 */
class SqlLiteralsIT extends IntegrationTest {

    static final List<String> HOSTILE = List.of("", "plain", "O'Brien", "'", "''", "\\", "\\'", "'\\", "\\\\'",
            "'; DROP TABLE report_daily_facts; --", "' OR '1'='1", "$$", "$x$ SELECT 1 $x$", "E'\\x27'", "\\x27",
            "*/ SELECT 1 /*", "-- comment", "\"quoted\"", ":ws", "::text", "%_", "line\nbreak\r\n", "tab\t",
            "秋のセール – Größen", "😀 emoji", "\u00a0nbsp", "\\u0027", "U&'\\0027'");

    @Autowired
    DataSource dataSource;

    @Test
    void hostileTextReadsBackAsItselfWithEitherStringSetting() throws SQLException {
        List<String> values = new ArrayList<>(HOSTILE);
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "'\\\"$;:-/*E\n\r\t ,=%_aé秋";
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(text.toString());
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String setting : List.of("on", "off")) {
                statement.execute("SET standard_conforming_strings = " + setting);
                try {
                    for (String value : values) {
                        try (ResultSet rs = statement.executeQuery("SELECT " + SqlLiterals.literal(value) + ", 1")) {
                            assertThat(rs.next()).isTrue();
                            assertThat(rs.getString(1)).as("with standard_conforming_strings " + setting).isEqualTo(value);
                            assertThat(rs.getInt(2)).isEqualTo(1);
                            assertThat(rs.getMetaData().getColumnCount()).isEqualTo(2);
                        }
                    }
                    String array = SqlLiterals.literal(values.toArray(String[]::new));
                    try (ResultSet rs = statement.executeQuery("SELECT " + array)) {
                        assertThat(rs.next()).isTrue();
                        assertThat((String[]) rs.getArray(1).getArray()).containsExactlyElementsOf(values);
                    }
                } finally {
                    statement.execute("RESET standard_conforming_strings");
                }
            }
        }
    }

    @Test
    void typedValuesAndNamedParametersAreWrittenInOutsideQuotesAndCastsOnly() throws SQLException {
        UUID id = UUID.randomUUID();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("ws", id)
                .addValue("day", Date.valueOf(LocalDate.of(2026, 5, 1))).addValue("name", "a':b")
                .addValue("days", new Date[] {Date.valueOf(LocalDate.of(2026, 1, 2)), Date.valueOf(LocalDate.of(2026, 1, 3))})
                .addValue("factors", new BigDecimal[] {new BigDecimal("1.5"), new BigDecimal("1E-12")})
                .addValue("none", null).addValue("limit", 5);
        String sql = SqlLiterals.inline("SELECT :ws, :day, :name, ':name', \":name\", E'\\':name', 0::bigint, "
                + "CAST(:days AS date[]), CAST(:factors AS numeric[]), :none::text, :limit", params);
        assertThat(sql).contains("':name'").contains("\":name\"").contains("E'\\':name'").contains("0::bigint");
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql.replace("\":name\"", "1"))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getObject(1)).isEqualTo(id);
            assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2026, 5, 1));
            assertThat(rs.getString(3)).isEqualTo("a':b");
            assertThat(rs.getString(4)).isEqualTo(":name");
            assertThat(rs.getString(6)).isEqualTo("':name");
            assertThat(rs.getString(8)).isEqualTo("{2026-01-02,2026-01-03}");
            assertThat(rs.getString(9)).isEqualTo("{1.5,0.000000000001}");
            assertThat(rs.getString(10)).isNull();
            assertThat(rs.getInt(11)).isEqualTo(5);
        }
        assertThatThrownBy(() -> SqlLiterals.inline("SELECT :missing", params)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLiterals.literal("nul\0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SqlLiterals.literal(new Object())).isInstanceOf(IllegalArgumentException.class);
    }
}
