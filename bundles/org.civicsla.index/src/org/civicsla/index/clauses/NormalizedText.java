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

    private NormalizedText(String text, String lower, int[] toOriginal) {
        this.text = text;
        this.lower = lower;
        this.toOriginal = toOriginal;
    }

    static NormalizedText of(String original) {
        StringBuilder out = new StringBuilder(original.length());
        int[] map = new int[original.length() + 1];
        boolean space = false;
        int n = original.length();
        for (int i = 0; i < n; i++) {
            char c = original.charAt(i);
            if (c == '\u00AD') {
                continue; // soft hyphen
            }
            if (c == '-' && i > 0 && Character.isLetter(original.charAt(i - 1))) {
                int j = i + 1;
                while (j < n && (original.charAt(j) == ' ' || original.charAt(j) == '\t' || original.charAt(j) == '\r')) {
                    j++;
                }
                if (j < n && original.charAt(j) == '\n') {
                    int k = j + 1;
                    while (k < n && Character.isWhitespace(original.charAt(k))) {
                        k++;
                    }
                    if (k < n && Character.isLowerCase(original.charAt(k))) {
                        i = k - 1; // "secu-\nrity" -> "security"
                        continue;
                    }
                }
            }
            boolean isSpace = Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u00A0';
            if (isSpace) {
                if (!space && out.length() > 0) {
                    map[out.length()] = i;
                    out.append(' ');
                }
                space = true;
                continue;
            }
            space = false;
            map[out.length()] = i;
            out.append(c == '\u2019' || c == '\u2018' ? '\'' : c == '\u201C' || c == '\u201D' ? '"' : c);
        }
        map[out.length()] = n;
        int[] trimmed = java.util.Arrays.copyOf(map, out.length() + 1);
        String text = out.toString();
        // Char-wise keeps offsets (String.toLowerCase may not), over an array: a loop of StringBuilder.charAt
        // here was compiled, dropped and compiled again by the JIT while a fresh JVM indexed.
        char[] lower = text.toCharArray();
        for (int i = 0; i < lower.length; i++) {
            lower[i] = Character.toLowerCase(lower[i]);
        }
        return new NormalizedText(text, new String(lower), trimmed);
    }

    String text() {
        return text;
    }

    String lower() {
        return lower;
    }

    int original(int offset) {
        return toOriginal[Math.max(0, Math.min(offset, toOriginal.length - 1))];
    }
}
