package org.civicsla.index;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Passages matching a search, best first, with highlighted snippets and counts per facet. */
public record SearchResult(long totalHits, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

    /**
     * One matching passage; {@code section} is the heading of the section it is in, where the document has
     * headings; {@code snippet} marks matched words with ‹ and ›; {@code start} and {@code end} locate the
     * passage in the document's extracted text, to open the document there.
     */
    public record Hit(String vendorId, String contractId, String document, OptionalInt page, Optional<String> section,
            String snippet, List<String> clauses, float score, int start, int end) {
        public Hit {
            section = section == null ? Optional.empty() : section;
            clauses = List.copyOf(clauses);
        }
    }

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Map.copyOf(facets);
    }
}
