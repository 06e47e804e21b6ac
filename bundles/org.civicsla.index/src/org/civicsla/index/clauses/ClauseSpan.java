package org.civicsla.index.clauses;

import java.util.List;

/**
 * Evidence of a clause: where the signal stands in the text given to the detector ({@code start},
 * {@code end}), the passage around it to quote, and the words to highlight.
 */
public record ClauseSpan(int start, int end, String snippet, List<String> terms) {
    public ClauseSpan {
        terms = List.copyOf(terms);
    }
}
