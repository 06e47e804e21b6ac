package org.civicsla.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void shortTextIsKeptWithItsWhiteSpaceFolded() {
        assertEquals("The City shall audit.", Text.clip("The City\n  shall\taudit. ", 400));
    }

    @Test
    void longTextIsCutAtAWordWithAnEllipsis() {
        String clipped = Text.clip("word ".repeat(100), 50);
        assertTrue(clipped.endsWith("word …"), clipped);
        assertTrue(clipped.length() <= 52, clipped);
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String emoji = "😀".repeat(40);
        for (int max = 10; max < 30; max++) {
            String cut = Text.clip(emoji, max);
            String kept = cut.substring(0, cut.length() - 2);
            assertFalse(Character.isHighSurrogate(kept.charAt(kept.length() - 1)), max + ": " + cut);
            assertEquals(0, kept.length() % 2, max + ": " + cut);
        }
    }
}
