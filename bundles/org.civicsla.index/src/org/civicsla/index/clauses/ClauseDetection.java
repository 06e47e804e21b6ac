package org.civicsla.index.clauses;

import java.util.List;
import java.util.Map;

/**
 * Whether a document carries one clause type: present or not, how sure (0..1), the passages that
 * show it (at most three, as they come in the text) and the values the text states (e.g.
 * {@code noticeDays=60}).
 */
public record ClauseDetection(String category, boolean present, double confidence, List<ClauseSpan> evidence,
        Map<String, String> values) {
    public ClauseDetection {
        evidence = List.copyOf(evidence);
        values = Map.copyOf(values);
    }
}
