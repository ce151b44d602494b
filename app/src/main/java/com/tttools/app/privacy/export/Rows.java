package com.tttools.app.privacy.export;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;

/** A result row as an export row: column label → JSON-friendly value (instants and ids as strings). */
final class Rows {

    private Rows() {
    }

    static Map<String, Object> map(ResultSet rs, int rowNum) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            Object value = rs.getObject(i);
            if (value instanceof Timestamp ts) {
                value = ts.toInstant().toString();
            } else if (value instanceof java.util.UUID || value instanceof org.postgresql.util.PGobject) {
                value = value.toString();
            }
            row.put(meta.getColumnLabel(i), value);
        }
        return row;
    }
}
