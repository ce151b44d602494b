package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 4180 CSV of audit events: a header row, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe, as OWASP recommends for CSV injection.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("id", "at", "actor_user_id", "actor_email", "actor_system", "action",
            "target_type", "target_id", "organization_id", "workspace_id", "ip", "user_agent", "request_id", "details");

    private final Writer out;
    private final DetailsJson json;

    AuditCsv(Writer out, DetailsJson json) {
        this.out = out;
        this.json = json;
    }

    void header() {
        line(HEADER);
    }

    void row(AuditEvent event) {
        line(Arrays.asList(
                event.id().toString(),
                DateTimeFormatter.ISO_INSTANT.format(event.at()),
                event.actor().userId() == null ? null : event.actor().userId().toString(),
                event.actor().email(),
                event.actor().system(),
                event.action(),
                event.targetType(),
                event.targetId(),
                event.organizationId() == null ? null : event.organizationId().toString(),
                event.workspaceId() == null ? null : event.workspaceId().toString(),
                event.request().ip(),
                event.request().userAgent(),
                event.request().requestId(),
                json.write(event.details())));
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(List<String> fields) {
        StringBuilder line = new StringBuilder(256);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(fields.get(i)));
        }
        line.append("\r\n");
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String field(String value) {
        return com.tttools.app.shared.CsvCells.text(value);
    }
}
