package com.tttools.app.audit.web;

import com.tttools.app.audit.AuditEvent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * An audit event's action and details in words for the viewer ({@code ${@auditDetails.render(e)}}), one renderer per
 * action family of docs/audit-actions.md (connections, members and invitations, bulk changes, before/after changes,
 * syncs and jobs, reports); any other action, or a key a renderer does not use, still reads as labelled fields
 * ("Advertiser count: 4") rather than a map dump. The CSV and the API keep the stored details as they are.
 */
@Component("auditDetails")
public class AuditDetails {

    /** A label and its value, in words. */
    public record Field(String label, String value) {
    }

    /** A one-line summary (may be null) and the remaining fields. */
    public record Rendered(String summary, List<Field> fields) {
    }

    /** {@code bulk_operation.apply_started} → "Bulk operation apply started". */
    public String action(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        return capitalised(code.replace('.', ' ').replace('_', ' ').toLowerCase(Locale.ROOT).replace(" reauth",
                " re-authorization"));
    }

    public Rendered render(AuditEvent event) {
        Map<String, Object> details = event.details() == null ? Map.of() : event.details();
        String action = event.action() == null ? "" : event.action();
        Fields out = new Fields(details);
        String summary;
        if (action.startsWith("connection.")) {
            summary = connection(action, out);
        } else if (action.startsWith("bulk_operation.")) {
            summary = bulk(out);
        } else if (action.startsWith("member.") || action.startsWith("workspace_member.")
                || action.startsWith("invitation.")) {
            summary = membership(out);
        } else if (action.startsWith("sync.") || action.startsWith("job.")) {
            summary = job(out);
        } else if (details.containsKey("before") || details.containsKey("after")) {
            summary = change(out);
        } else {
            summary = null;
        }
        return new Rendered(summary, out.rest());
    }

    private static String connection(String action, Fields f) {
        return switch (action) {
            case "connection.connected" -> "Connected with " + plural(f.size("scopes"), "permission scope")
                    + (f.has("advertiserCount") ? " for " + plural(f.number("advertiserCount"), "advertiser") : "");
            case "connection.reauthorized" -> "Authorized again with " + plural(f.size("scopes"), "permission scope");
            case "connection.needs_reauth" -> "TikTok refused the token: " + f.text("error");
            case "connection.status_changed" -> "Status changed from " + f.text("from") + " to " + f.text("to")
                    + (f.has("error") ? " (" + f.text("error") + ")" : "");
            case "connection.advertisers_changed" -> plural(f.size("added"), "advertiser") + " added, "
                    + f.size("lost") + " lost";
            default -> null;
        };
    }

    private static String bulk(Fields f) {
        StringBuilder s = new StringBuilder();
        if (f.has("kind")) {
            s.append(f.text("kind"));
        }
        if (f.has("itemCount")) {
            String level = f.has("level") ? words(String.valueOf(f.take("level"))).toLowerCase(Locale.ROOT)
                    .replace("adgroup", "ad group") : "item";
            s.append(s.isEmpty() ? "" : " · ").append(plural(f.number("itemCount"), level));
        } else {
            f.take("level");
        }
        if (f.has("succeeded")) {
            s.append(" · ").append(f.number("succeeded")).append(" succeeded, ").append(f.number("failed"))
                    .append(" failed, ").append(f.number("skipped")).append(" skipped");
        }
        if (f.has("changes")) {
            s.append(" · ").append(plural(f.size("changes"), "change")).append(" (see the change set)");
        }
        return s.isEmpty() ? null : s.toString();
    }

    private static String membership(Fields f) {
        String email = f.has("email") ? f.text("email") : null;
        String role = f.has("role") ? f.text("role") : null;
        String where = f.has("workspaces") ? "in " + plural(f.size("workspaces"), "workspace") : null;
        if (email == null && role == null && where == null) {
            return null;
        }
        StringBuilder s = new StringBuilder(email == null ? "" : email);
        if (role != null) {
            s.append(s.isEmpty() ? "Role " : " as ").append(role);
        }
        if (where != null) {
            s.append(s.isEmpty() ? capitalised(where) : " " + where);
        }
        return s.toString();
    }

    private static String job(Fields f) {
        List<String> parts = new ArrayList<>();
        if (f.has("kind")) {
            parts.add(f.text("kind") + " sync");
        }
        if (f.has("type")) {
            parts.add(f.text("type"));
        }
        if (f.has("from") && f.has("to")) {
            parts.add("from " + f.text("from") + " to " + f.text("to"));
        }
        if (f.has("attempts")) {
            parts.add("after " + plural(f.number("attempts"), "attempt"));
        }
        if (f.has("error")) {
            parts.add(f.text("error"));
        }
        return parts.isEmpty() ? null : capitalised(String.join(", ", parts));
    }

    /** before/after: one "label: before → after" per changed key (maps), or the two values. */
    private static String change(Fields f) {
        Object before = f.take("before");
        Object after = f.take("after");
        if (before instanceof Map<?, ?> b || after instanceof Map<?, ?>) {
            Map<?, ?> was = before instanceof Map<?, ?> m ? m : Map.of();
            Map<?, ?> now = after instanceof Map<?, ?> m ? m : Map.of();
            java.util.LinkedHashSet<Object> keys = new java.util.LinkedHashSet<>(was.keySet());
            keys.addAll(now.keySet());
            List<String> parts = new ArrayList<>();
            for (Object key : keys) {
                parts.add(label(String.valueOf(key)) + ": " + value(was.get(key)) + " → " + value(now.get(key)));
            }
            return String.join("; ", parts);
        }
        return "Changed from " + value(before) + " to " + value(after);
    }

    /** The details not yet used by a renderer, as labelled fields. */
    private static final class Fields {
        private final Map<String, Object> remaining;

        Fields(Map<String, Object> details) {
            this.remaining = new java.util.LinkedHashMap<>(details);
        }

        boolean has(String key) {
            return remaining.get(key) != null;
        }

        Object take(String key) {
            return remaining.remove(key);
        }

        String text(String key) {
            return value(take(key));
        }

        long number(String key) {
            Object v = take(key);
            return v instanceof Number n ? n.longValue() : 0;
        }

        int size(String key) {
            Object v = take(key);
            return v instanceof Collection<?> c ? c.size() : v instanceof Map<?, ?> m ? m.size() : v == null ? 0 : 1;
        }

        List<Field> rest() {
            List<Field> fields = new ArrayList<>();
            remaining.forEach((key, v) -> fields.add(new Field(label(key), value(v))));
            return fields;
        }
    }

    /**
     * A value in words: lists joined, maps as "label: value", enum-like codes as words, yes/no. Three capitals are a
     * code people read as it is (a currency such as {@code USD}, the timezone {@code UTC}), not a word.
     */
    static String value(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Boolean b) {
            return b ? "yes" : "no";
        }
        if (v instanceof Collection<?> c) {
            if (c.isEmpty()) {
                return "none";
            }
            if (c.stream().allMatch(e -> e instanceof Map<?, ?>)) {
                return plural(c.size(), "item");
            }
            return String.join(", ", c.stream().map(AuditDetails::value).toList());
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(label(String.valueOf(k)) + ": " + value(x)));
            return String.join("; ", parts);
        }
        String s = String.valueOf(v);
        return s.matches("[A-Z][A-Z0-9_]*") && !s.matches("[A-Z]{3}") ? capitalised(words(s).toLowerCase(Locale.ROOT)) : s;
    }

    /** {@code advertiserCount} → "Advertiser count". */
    static String label(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.ROOT)
                .replace(" id", " ID");
        return capitalised(spaced.strip());
    }

    private static String words(String code) {
        return code.replace('_', ' ');
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
