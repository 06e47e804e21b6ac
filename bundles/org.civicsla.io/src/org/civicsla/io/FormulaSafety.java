package org.civicsla.io;

/**
 * Spreadsheet formula injection: a cell whose text starts with one of these characters would be
 * run as a formula by Excel or LibreOffice if it were ever typed in or written as a formula.
 */
public final class FormulaSafety {

    private FormulaSafety() {
    }

    public static boolean looksLikeFormula(String text) {
        if (text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
