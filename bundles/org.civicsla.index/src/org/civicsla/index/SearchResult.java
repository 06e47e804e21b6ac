package org.civicsla.index;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** Passages matching a search, best first, with highlighted snippets and counts per facet. */
public record SearchResult(long totalHits, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

    /**
     * One matching passage; {@code snippet} marks matched words with ‹ and ›; {@code start} and
     * {@code end} locate the passage in the document's extracted text, to open the document there.
     */
    public record Hit(String vendorId, String contractId, String document, OptionalInt page, String snippet,
            List<String> clauses, float score, int start, int end) {
        public Hit {
            clauses = List.copyOf(clauses);
        }
    }

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
