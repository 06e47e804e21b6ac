package org.civicsla.index;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Passages matching a search, best first, with highlighted snippets and counts per facet. */
public record SearchResult(long totalHits, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

    /** One matching passage; {@code snippet} marks matched words with ‹ and ›. */
    public record Hit(String vendorId, String contractId, String document, OptionalInt page, String snippet,
            List<String> clauses, float score) {
        public Hit {
            clauses = List.copyOf(clauses);
        }
    }

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
