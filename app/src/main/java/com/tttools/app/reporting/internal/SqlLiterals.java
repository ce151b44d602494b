package com.tttools.app.reporting.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;
import org.postgresql.core.Utils;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/**
 * A statement with named parameters ({@code :name}) written out with its values as SQL literals, for the one
 * statement that cannot take bind parameters: {@code COPY (query) TO STDOUT}. (Binding is still the rule everywhere
 * else; a server-side {@code PREPARE} or a temporary view would be session state a transaction-mode pooler loses.)
 *
 * <p>Why a value cannot leave its literal: each type has one rendering and anything else is refused. Text becomes an
 * escape-string constant {@code E'…'} whose every quote and backslash pgJDBC's {@link Utils#escapeLiteral} doubles
 * (with {@code standardConformingStrings = false}, the rule of {@code E''} whatever the server's setting), so the
 * constant ends only at its closing quote and reads back as the value; NUL is refused. UUIDs, dates and decimals are
 * written from their Java types (hex digits and dashes, {@code yyyy-mm-dd}, {@code toPlainString}) and pass through
 * the same escaping all the same. {@code SqlLiteralsIT} reads hostile values back through PostgreSQL.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /**
     * {@code sql} with every {@code :name} outside quotes replaced by the literal of its value ({@code ::type} casts
     * are left alone); a name without a value is an error.
     */
    static String inline(String sql, SqlParameterSource params) {
        StringBuilder out = new StringBuilder(sql.length() + 256);
        char quote = 0;
        boolean escapes = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                out.append(c);
                if (escapes && c == '\\' && i + 1 < sql.length()) {
                    out.append(sql.charAt(++i)); // E'…': a backslash escapes the next character, a quote too
                } else if (c == quote) {
                    quote = 0; // a doubled quote closes and reopens: the same text
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                escapes = c == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')
                        && (i == 1 || !Character.isLetterOrDigit(sql.charAt(i - 2)) && sql.charAt(i - 2) != '_');
                out.append(c);
            } else if (c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i++;
            } else if (c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                String name = sql.substring(i + 1, end);
                if (!params.hasValue(name)) {
                    throw new IllegalArgumentException("No value for :" + name);
                }
                out.append(literal(params.getValue(name)));
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** One value as a SQL literal of its type. */
    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof String text) {
            return text(text);
        }
        if (value instanceof UUID uuid) {
            return "CAST(" + text(uuid.toString()) + " AS uuid)";
        }
        if (value instanceof Date date) {
            return "CAST(" + text(date.toLocalDate().toString()) + " AS date)";
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return "CAST(" + text(decimal.toPlainString()) + " AS numeric)";
        }
        if (value instanceof String[] texts) {
            return texts.length == 0 ? "CAST('{}' AS text[])"
                    : Arrays.stream(texts).map(SqlLiterals::literal).collect(Collectors.joining(", ", "ARRAY[", "]::text[]"));
        }
        if (value instanceof Date[] dates) {
            return "CAST(" + text(Arrays.stream(dates).map(d -> d.toLocalDate().toString())
                    .collect(Collectors.joining(",", "{", "}"))) + " AS date[])";
        }
        if (value instanceof BigDecimal[] decimals) {
            return "CAST(" + text(Arrays.stream(decimals).map(BigDecimal::toPlainString)
                    .collect(Collectors.joining(",", "{", "}"))) + " AS numeric[])";
        }
        throw new IllegalArgumentException("No literal form for " + value.getClass().getName());
    }

    /** {@code E'…'}: quotes and backslashes doubled, so the constant reads back as {@code value}. */
    static String text(String value) {
        try {
            return Utils.escapeLiteral(new StringBuilder(value.length() + 4).append("E'"), value, false).append('\'')
                    .toString();
        } catch (SQLException e) {
            throw new IllegalArgumentException("Not storable as SQL text (NUL character)", e);
        }
    }
}
