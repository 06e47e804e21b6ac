package org.civicsla.core.check;

import java.util.Map;
import java.util.OptionalInt;

/**
 * A clause the document index found in a contract document: where, how sure, and the values the
 * text states (e.g. {@code notificationHours=72}).
 */
public record ClauseHit(String contractId, String clauseType, String document, OptionalInt page, String snippet,
        double confidence, Map<String, String> values) {
    public ClauseHit {
        page = page == null ? OptionalInt.empty() : page;
        snippet = snippet == null ? "" : snippet;
        values = values == null ? Map.of() : Map.copyOf(values);
    }
}
