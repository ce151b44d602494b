package com.tttools.app.audit.internal;

import com.tttools.app.audit.AuditEvent;
import com.tttools.app.audit.AutomaticActor;
import com.tttools.app.shared.UserId;
import com.tttools.app.shared.audit.Actor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV of audit events: a header row, CRLF line ends, fields quoted when they hold a comma, quote or
 * line break. Text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe, as OWASP recommends for CSV injection. Columns are only ever appended (scripts read them by
 * position): {@code actor_name} came last, the person's name at export time (empty when the account is gone or
 * erased) or, for a system actor, its words ("Campaign and asset sync (automatic)" needs the job, so a job reads
 * "Background job (automatic)" here; {@code actor_system} keeps its id).
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("id", "at", "actor_user_id", "actor_email", "actor_system", "action",
            "target_type", "target_id", "organization_id", "workspace_id", "ip", "user_agent", "request_id", "details",
            "actor_name");

    private final Writer out;
    private final DetailsJson json;
    private final Map<UserId, String> names;

    /** @param names the display names of the exported events' users ({@code ActorNames}) */
    AuditCsv(Writer out, DetailsJson json, Map<UserId, String> names) {
        this.out = out;
        this.json = json;
        this.names = names;
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
                json.write(event.details()),
                name(event.actor())));
    }

    private String name(Actor actor) {
        if (actor.isSystem()) {
            return AutomaticActor.of(actor.system(), null, Map.of()).label();
        }
        return actor.userId() == null ? null : names.get(actor.userId());
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
