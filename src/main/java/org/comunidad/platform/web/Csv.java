package org.comunidad.platform.web;

/** CSV as spreadsheets read it safely (RFC 4180 quoting; formulas defused). */
public final class Csv {

    private Csv() {
    }

    /** A cell: quoted when needed, and never read as a formula by a spreadsheet. */
    public static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
