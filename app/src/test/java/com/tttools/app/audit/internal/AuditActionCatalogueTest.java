package com.tttools.app.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.tttools.app.audit.AuditAction;
import com.tttools.app.audit.SecurityEventType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/audit-actions.md and the enums are the same catalogue. */
class AuditActionCatalogueTest {

    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.]+)` \\| `?([a-z]+)`? \\|", Pattern.MULTILINE);

    @Test
    void whenTheCatalogueIsReadThenItListsExactlyTheEnumsActionsWithTheirEmitters() throws IOException {
        String doc = catalogue();
        String actions = doc.substring(doc.indexOf("## Actions"), doc.indexOf("## Security event types"));

        List<String> documented = rows(actions);

        assertThat(documented).containsExactlyElementsOf(Arrays.stream(AuditAction.values())
                .map(action -> action.code() + " " + action.emittedBy()).toList());
    }

    @Test
    void whenTheCatalogueIsReadThenItListsExactlyTheSecurityEventTypes() throws IOException {
        String doc = catalogue();
        String types = doc.substring(doc.indexOf("## Security event types"));

        assertThat(rows(types)).extracting(row -> row.split(" ")[0])
                .containsExactlyElementsOf(Arrays.stream(SecurityEventType.values()).map(SecurityEventType::code).toList());
    }

    @Test
    void whenActionCodesAreCheckedThenEachIsUniqueAndWellFormed() {
        assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::code))
                .doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z][a-z_]*\\.[a-z][a-z_]*"));
        assertThat(AuditAction.ofCode("audit.purged")).contains(AuditAction.AUDIT_PURGED);
        assertThat(AuditAction.ofCode("nope.nothing")).isEmpty();
    }

    private static List<String> rows(String section) {
        Matcher matcher = ROW.matcher(section);
        List<String> rows = new java.util.ArrayList<>();
        while (matcher.find()) {
            rows.add(matcher.group(1) + " " + matcher.group(2));
        }
        return rows;
    }

    private static String catalogue() throws IOException {
        Path fromModule = Path.of("..", "docs", "audit-actions.md");
        Path fromRoot = Path.of("docs", "audit-actions.md");
        return Files.readString(Files.exists(fromModule) ? fromModule : fromRoot);
    }
}
