package com.tttools.app.shared;

/**
 * One RFC 4180 text cell: quoted when it holds a comma, quote or line break; text a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as OWASP recommends for CSV injection.
 * Numbers are not cells of this kind: write them plain.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
