package org.civicsla.report;

import java.awt.Color;

import org.civicsla.core.check.Status;

/** One colour per status in every report, always next to the status spelled out for colour-blind readers. */
final class StatusColors {

    private StatusColors() {
    }

    static Color of(Status status) {
        return switch (status) {
            case FAIL -> new Color(0xF4, 0xB6, 0xB0);
            case WARNING -> new Color(0xFC, 0xE0, 0x9B);
            case UNKNOWN -> new Color(0xDD, 0xDD, 0xDD);
            case PASS -> new Color(0xB9, 0xE3, 0xC0);
        };
    }

    static String hex(Status status) {
        Color c = of(status);
        return String.format("%02X%02X%02X", c.getRed(), c.getGreen(), c.getBlue());
    }
}
