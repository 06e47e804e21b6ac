package org.civicsla.report;

import java.awt.Color;
import java.util.Locale;

import org.civicsla.core.check.Status;

/**
 * One colour per status in every report (PDF and workbook alike): fail red, warning amber, unknown
 * grey, pass green. Light shades fill cells so black text stays legible; a status is always also
 * spelled out next to its colour, for colour-blind readers and black-and-white printers.
 */
final class StatusColors {

    private StatusColors() {
    }

    /** The cell fill of a status. */
    static Color of(Status status) {
        return switch (status) {
            case FAIL -> new Color(0xF4, 0xB6, 0xB0);
            case WARNING -> new Color(0xFC, 0xE0, 0x9B);
            case UNKNOWN -> new Color(0xDD, 0xDD, 0xDD);
            case PASS -> new Color(0xB9, 0xE3, 0xC0);
        };
    }

    /** A darker shade of the same hue, for bars and marks on white. */
    static Color strong(Status status) {
        return switch (status) {
            case FAIL -> new Color(0xC6, 0x28, 0x28);
            case WARNING -> new Color(0xE0, 0x8E, 0x00);
            case UNKNOWN -> new Color(0x8A, 0x8A, 0x8A);
            case PASS -> new Color(0x2E, 0x7D, 0x32);
        };
    }

    /** The status in words, as the command line and the workbook spell it. */
    static String word(Status status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
