package org.civicsla.index.clauses;

/**
 * Text as the rules see it: no-break and other odd spaces made plain, words hyphenated at a line end
 * joined, runs of white space folded to one space. {@link #lower()} is the same text lower-cased char
 * by char (same length, same offsets), so rules match it without case folding and literal anchors are
 * found with a plain {@code indexOf}. {@link #original(int)} maps an offset back to the text the
 * caller gave, so evidence points at the document as it is.
 */
final class NormalizedText {

    private final String text;
    private final String lower;
    private final int[] toOriginal;
    /** The same texts as arrays for the scans over every character (sentences, anchors), valid up to {@link #length()}. */
    private final char[] textChars;
    private final char[] lowerChars;

    private NormalizedText(char[] text, char[] lower, int length, int[] toOriginal) {
        this.text = new String(text, 0, length);
        this.lower = new String(lower, 0, length);
        this.textChars = text;
        this.lowerChars = lower;
        this.toOriginal = toOriginal;
    }

    /**
     * One plain pass over char arrays. Not a StringBuilder: appending char by char checked the builder's coder
     * and bounds on every character. And the index never jumps ahead: a word hyphenated at a line end is joined
     * by taking the hyphen back out when the next word turns out to go on in lower case, because a loop that
     * skipped ahead made the JIT drop and recompile this method again and again while a fresh JVM indexes.
     */
    static NormalizedText of(String original) {
        char[] in = original.toCharArray();
        int n = in.length;
        char[] out = new char[n];
        char[] lower = new char[n];
        int[] map = new int[n + 1];
        int length = 0;
        boolean space = false;
        int hyphen = -1; // where a hyphen after a letter stands in out while a line break may still join it away
        boolean broken = false; // whether that hyphen is followed by a line break
        for (int i = 0; i < n; i++) {
            char c = in[i];
            if (isSpace(c)) {
                if (hyphen >= 0) {
                    // Before the break only blanks may follow the hyphen, after it any white space.
                    if (c == '\n') {
                        broken = true;
                    } else if (broken ? !Character.isWhitespace(c) : c != ' ' && c != '\t' && c != '\r') {
                        hyphen = -1;
                    }
                }
                if (!space && length > 0) {
                    map[length] = i;
                    out[length] = ' ';
                    lower[length++] = ' ';
                }
                space = true;
                continue;
            }
            if (c == '\u00AD') {
                hyphen = -1;
                continue; // soft hyphen
            }
            if (hyphen >= 0) {
                if (broken && Character.isLowerCase(c)) {
                    length = hyphen; // "secu-\nrity" -> "security": the hyphen and the space go
                }
                hyphen = -1;
            }
            space = false;
            map[length] = i;
            char shown = c == '\u2019' || c == '\u2018' ? '\'' : c == '\u201C' || c == '\u201D' ? '"' : c;
            out[length] = shown;
            // Char-wise keeps offsets (String.toLowerCase may not).
            lower[length++] = shown >= 'A' && shown <= 'Z' ? (char) (shown + ('a' - 'A'))
                    : shown < 128 ? shown : Character.toLowerCase(shown);
            if (c == '-' && i > 0 && Character.isLetter(in[i - 1])) {
                hyphen = length - 1;
                broken = false;
            }
        }
        map[length] = n;
        return new NormalizedText(out, lower, length, java.util.Arrays.copyOf(map, length + 1));
    }

    /** Java white space or a Unicode space (the no-break spaces PDFs are full of); ASCII decided without lookups. */
    private static boolean isSpace(char c) {
        if (c < 128) {
            return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\u001C' && c <= '\u001F');
        }
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    String text() {
        return text;
    }

    String lower() {
        return lower;
    }

    int length() {
        return text.length();
    }

    char[] textChars() {
        return textChars;
    }

    char[] lowerChars() {
        return lowerChars;
    }

    int original(int offset) {
        return toOriginal[Math.max(0, Math.min(offset, toOriginal.length - 1))];
    }
}
