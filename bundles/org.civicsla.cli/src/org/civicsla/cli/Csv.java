package org.civicsla.cli;

/** RFC 4180 quoting for the command line's CSV output. */
final class Csv {

    private Csv() {
    }

    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
