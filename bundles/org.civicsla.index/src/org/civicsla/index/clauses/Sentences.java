package org.civicsla.index.clauses;

import java.util.Arrays;
import java.util.Set;

/**
 * Where the sentences of a normalized text start. Rules look at one sentence at a time because a
 * clause is a sentence (CUAD's lawyers mark clauses "from period to period"), and a pattern that
 * spans two sentences mostly joins words that have nothing to do with each other. A sentence ends at
 * '.', '!' or '?' before a space and a capital, digit, bracket or quote, unless the word before is a
 * common abbreviation ("Inc.", "Sec.", "U.S."). A heading without a full stop stays with the
 * sentence after it, which lets a rule anchor on it ({@code ^} matches at a sentence's start).
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("inc", "co", "corp", "ltd", "llc", "lp", "llp", "plc", "no",
            "nos", "sec", "secs", "art", "arts", "para", "st", "mr", "mrs", "ms", "dr", "jr", "sr", "u.s", "e.g", "i.e",
            "vs", "v", "cf", "approx", "dept", "govt", "s.a", "n.a", "b.v", "n.v", "p.o", "ex", "exh", "sched", "fig",
            "pp", "ch", "cl", "vol", "est", "int'l", "assoc", "bros", "mfg", "intl");

    /** Longest sentence; a longer run (a table, a text without stops) is cut so no region grows without bound. */
    static final int MAX_LENGTH = 3000;

    private Sentences() {
    }

    /** Start offsets of the sentences of {@code text}, ascending, the first 0. */
    static int[] starts(String text) {
        return starts(text.toCharArray(), text.length());
    }

    /**
     * The same for the first {@code n} characters of {@code text}: an array, as the detector holds its text,
     * because String.charAt checks the string's coding and bounds on each of the millions of characters.
     */
    static int[] starts(char[] text, int n) {
        int[] starts = new int[Math.max(16, n / 80)];
        int count = 0;
        starts[count++] = 0;
        int last = 0;
        for (int i = 0; i < n - 2; i++) {
            char c = text[i];
            boolean end = (c == '.' || c == '!' || c == '?') && text[i + 1] == ' ' && opens(text[i + 2])
                    && !(c == '.' && abbreviation(text, i));
            if (!end && i - last >= MAX_LENGTH && c == ' ') {
                end = true; // cut an endless run at a space
            }
            if (end) {
                last = c == ' ' ? i + 1 : i + 2;
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = last;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    private static boolean opens(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '(' || c == '"' || c == '[' || c == '\'';
    }

    private static boolean abbreviation(char[] text, int dot) {
        int from = dot;
        while (from > 0 && dot - from < 8 && (Character.isLetter(text[from - 1]) || text[from - 1] == '.'
                || text[from - 1] == '\'')) {
            from--;
        }
        if (from == dot) {
            return false; // "2." or ")." end a numbered heading or a sentence
        }
        String word = new String(text, from, dot - from).toLowerCase(java.util.Locale.ROOT);
        return ABBREVIATIONS.contains(word);
    }

    /** Index of the sentence holding {@code offset}. */
    static int indexOf(int[] starts, int offset) {
        int i = Arrays.binarySearch(starts, offset);
        return i >= 0 ? i : -i - 2;
    }
}
