package org.civicsla.cli;

import org.civicsla.core.files.FormulaSafety;

/**
 * RFC 4180 quoting for the command line's CSV output. People open that CSV in a spreadsheet, where text starting
 * with {@code = + - @} (a vendor's name, as imported) would run as a formula: such text gets an apostrophe before it.
 */
final class Csv {

    private Csv() {
    }

    static String quote(String text) {
        String value = FormulaSafety.toCsv(text);
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
