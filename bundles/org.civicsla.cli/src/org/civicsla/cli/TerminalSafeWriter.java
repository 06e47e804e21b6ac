package org.civicsla.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * What the command line writes, with control characters other than tab and line breaks shown as U+FFFD: a vendor's
 * name or a contract's text comes from outside, and an escape sequence in it ("ESC ] 0 ; ... BEL", "ESC [ 2 J")
 * would retitle or clear the terminal of whoever reads the output, or hide a line from them.
 */
final class TerminalSafeWriter extends FilterWriter {

    TerminalSafeWriter(Writer out) {
        super(out);
    }

    static boolean unsafe(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F;
    }

    @Override
    public void write(int c) throws IOException {
        out.write(unsafe((char) c) ? '\uFFFD' : c);
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        char[] safe = null;
        for (int i = 0; i < length; i++) {
            if (unsafe(buffer[offset + i])) {
                if (safe == null) {
                    safe = java.util.Arrays.copyOfRange(buffer, offset, offset + length);
                }
                safe[i] = '\uFFFD';
            }
        }
        if (safe == null) {
            out.write(buffer, offset, length);
        } else {
            out.write(safe, 0, length);
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.toCharArray(), offset, length);
    }
}
