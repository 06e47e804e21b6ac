package org.civicsla.core.files;

/**
 * Spreadsheet formula injection: a cell whose text starts with one of these characters would be
 * run as a formula by Excel or LibreOffice if it were ever typed in or written as a formula.
 */
public final class FormulaSafety {

    /**
     * What CSV export puts before formula-like text, and CSV import removes: spreadsheets show a cell
     * starting with an apostrophe as the text after it.
     */
    public static final char CSV_TEXT_PREFIX = '\'';

    private FormulaSafety() {
    }

    /**
     * The text to write in a CSV cell for {@code text}: formula-like text with the apostrophe before it. For CSV
     * that people open in a spreadsheet: a vendor's name or a contract's sentence starting with {@code =} must not
     * run there (a hostile document can be written so).
     */
    public static String toCsv(String text) {
        return looksLikeFormula(text) ? CSV_TEXT_PREFIX + text : text;
    }

    /**
     * {@code text} as one cell of CSV that people open in a spreadsheet: formula-like text kept as text (see
     * {@link #toCsv}), then quoted as RFC 4180 asks when it holds a comma, a quotation mark or a line break.
     */
    public static String csvCell(String text) {
        String value = toCsv(text);
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** The text a CSV cell stands for: formula-like text loses the apostrophe export put before it. */
    public static String fromCsv(String cell) {
        return cell.length() > 1 && cell.charAt(0) == CSV_TEXT_PREFIX && looksLikeFormula(cell.substring(1))
                ? cell.substring(1) : cell;
    }

    public static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
