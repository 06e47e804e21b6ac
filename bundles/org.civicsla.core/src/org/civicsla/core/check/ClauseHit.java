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

    /**
     * {@code hits} (of one contract) in the order of the contract's documents, the surest first within a document:
     * the evidence quoted is the agreement's own before an annex's or a regulation's attached after it, whatever
     * order the index found them in.
     */
    public static java.util.List<ClauseHit> inDocumentOrder(java.util.List<ClauseHit> hits,
            org.civicsla.core.model.Contract contract) {
        java.util.List<String> paths = contract.documents().stream().map(org.civicsla.core.model.DocumentRef::path).toList();
        java.util.Comparator<ClauseHit> order = java.util.Comparator.comparingInt(h -> {
            int at = paths.indexOf(h.document());
            return at < 0 ? Integer.MAX_VALUE : at;
        });
        return hits.stream().sorted(order.thenComparing(java.util.Comparator.comparingDouble(ClauseHit::confidence).reversed()))
                .toList();
    }
}
