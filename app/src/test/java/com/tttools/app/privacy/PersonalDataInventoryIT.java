package com.tttools.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.support.IntegrationTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The PII inventory against the real schema (every migration applied): a column whose name looks like an e-mail,
 * a name, an IP address or a user agent must be listed in {@link PersonalDataInventory}, as personal data or as
 * not personal with a reason; and every listed column must exist.
 */
class PersonalDataInventoryIT extends IntegrationTest {

    /** Column names that look personal: *email*, name / *_name, ip / *_ip / *ip_address*, *user_agent*. */
    static final String PERSONAL_LOOKING = "(email(_normalized)?$|^new_email$|(^|_)name$|(^|_)ip$|ip_address|user_agent)";

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPersonalLookingColumnIsListedInTheInventory() {
        assertThat(personalLookingColumns()).as("the pattern finds the known personal columns").contains("users.email",
                "users.name", "audit_events.ip", "security_events.user_agent", "invitations.email");
        assertThat(unlisted()).as("personal-looking columns missing from PersonalDataInventory").isEmpty();
    }

    @Test
    void aNewTableWithAnUnlistedPersonalColumnIsCaught() {
        jdbc.sql("CREATE TABLE privacy_probe (id int, contact_email text, display_name text, client_ip text)").update();
        try {
            assertThat(unlisted()).containsExactlyInAnyOrder("privacy_probe.contact_email", "privacy_probe.display_name",
                    "privacy_probe.client_ip");
        } finally {
            jdbc.sql("DROP TABLE privacy_probe").update();
        }
    }

    private List<String> personalLookingColumns() {
        return jdbc.sql("""
                        SELECT c.table_name || '.' || c.column_name
                        FROM information_schema.columns c
                        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
                          AND c.table_name <> 'flyway_schema_history'
                          -- a partition's columns are its partitioned table's (report_daily_facts by month)
                          AND c.table_name NOT IN (SELECT relname FROM pg_class WHERE relispartition)
                          AND c.column_name ~ :pattern
                        ORDER BY 1""")
                .param("pattern", PERSONAL_LOOKING).query(String.class).list();
    }

    private Set<String> unlisted() {
        Set<String> missing = new TreeSet<>(personalLookingColumns());
        missing.removeAll(PersonalDataInventory.listedColumns());
        return missing;
    }

    @Test
    void everyListedColumnExists() {
        Set<String> existing = new TreeSet<>(jdbc.sql("""
                        SELECT table_name || '.' || column_name FROM information_schema.columns
                        WHERE table_schema = current_schema()""").query(String.class).list());
        assertThat(PersonalDataInventory.listedColumns()).as("inventory entries for columns that do not exist")
                .allMatch(existing::contains);
    }

    @Test
    void everyExportedColumnNamesASectionOfTheExport() {
        assertThat(PersonalDataInventory.COLUMNS).filteredOn(PersonalDataInventory.Column::exported)
                .allMatch(c -> PersonalDataInventory.SECTIONS.contains(c.section()) && c.field() != null);
        assertThat(PersonalDataInventory.COLUMNS).allMatch(c -> c.erasure() != null && c.erasedBy() != null);
    }
}
