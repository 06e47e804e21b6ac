package org.civicsla.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a document's text into passages: paragraphs (separated by blank lines) within a page, and long
 * paragraphs further at line ends, so a search hit or a clause points at a readable piece of the contract.
 */
final class Passages {

    /** A passage: offsets into the document text. */
    record Passage(int start, int end) {
    }

    private static final int MAX_LENGTH = 1_500;

    private Passages() {
    }

    /** Passages never cross a page boundary, so each passage has one page. */
    static List<Passage> of(org.civicsla.index.extract.DocumentText document) {
        List<Passage> passages = new ArrayList<>();
        for (var page : document.pages()) {
            for (Passage passage : of(document.text().substring(page.start(), page.end()))) {
                passages.add(new Passage(page.start() + passage.start(), page.start() + passage.end()));
            }
        }
        return passages;
    }

    static List<Passage> of(String text) {
        List<Passage> passages = new ArrayList<>();
        int start = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            boolean blank = text.substring(i, lineEnd).isBlank();
            if ((blank && lineEnd > start && !text.substring(start, lineEnd).isBlank()) || lineEnd - start >= MAX_LENGTH) {
                add(passages, text, start, lineEnd);
                start = lineEnd + 1;
            }
            i = lineEnd + 1;
        }
        if (start < n) {
            add(passages, text, start, n);
        }
        return passages;
    }

    private static void add(List<Passage> passages, String text, int start, int end) {
        int s = start;
        int e = Math.min(end, text.length());
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > s) {
            passages.add(new Passage(s, e));
        }
    }
}
