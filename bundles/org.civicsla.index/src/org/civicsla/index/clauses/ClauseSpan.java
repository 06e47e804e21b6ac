package org.civicsla.index.clauses;

import java.util.List;

/** A passage that shows a clause: offsets into the text given to the detector, and words to highlight. */
public record ClauseSpan(int start, int end, String snippet, List<String> terms) {
    public ClauseSpan {
        terms = List.copyOf(terms);
    }
}
