package com.tttools.app.shared;

/**
 * One RFC 4180 text cell, safe to open in a spreadsheet (CSV injection, as OWASP describes it):
 * <ul>
 * <li>text a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe;</li>
 * <li>a cell holding {@code ;} or a tab (Excel splits on {@code ;} where that is the list separator), or one of whose
 * segments (split on {@code ;}, {@code ,} and tab, leading blanks ignored) starts with =, +, - or @, gets the
 * apostrophe too and is always quoted, so that no spreadsheet splits it into a cell that starts with a formula;</li>
 * <li>a cell is quoted when it holds a comma, quote, semicolon, tab or line break.</li>
 * </ul>
 * Numbers are not cells of this kind: write them plain.
 */
public final class CsvCells {

    private static final String FORMULA_START = "=+-@";

    private CsvCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean splittable = value.indexOf(';') >= 0 || value.indexOf('\t') >= 0;
        boolean neutralise = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 || splittable || segmentStartsFormula(value);
        String safe = neutralise ? "'" + value : value;
        if (splittable || safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0
                || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /** True if the text after a {@code ;}, {@code ,} or tab (leading blanks skipped) starts with = + - or @. */
    private static boolean segmentStartsFormula(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != ';' && c != ',' && c != '\t') {
                continue;
            }
            int next = i + 1;
            while (next < value.length() && value.charAt(next) == ' ') {
                next++;
            }
            if (next < value.length() && FORMULA_START.indexOf(value.charAt(next)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
