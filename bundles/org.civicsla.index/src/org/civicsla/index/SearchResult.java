package org.civicsla.index;

import java.util.Collections;
import java.util.LinkedHashMap;
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

        /** The section to name beside the hit: none when the snippet opens with its heading anyway. */
        public Optional<String> sectionNotShown() {
            return section.filter(s -> !opensWith(snippet, s));
        }
    }

    /**
     * Whether {@code text} opens with {@code heading}, comparing letters and digits only: highlight marks
     * ("2. ‹INSURANCE›") and the punctuation of a heading joined from two lines ("ARTICLE 9 INDEMNIFICATION" for
     * "ARTICLE 9. INDEMNIFICATION.") do not count.
     */
    public static boolean opensWith(String text, String heading) {
        int t = 0;
        for (int h = 0; h < heading.length(); h++) {
            char c = heading.charAt(h);
            if (!Character.isLetterOrDigit(c)) {
                continue;
            }
            while (t < text.length() && !Character.isLetterOrDigit(text.charAt(t))) {
                t++;
            }
            if (t == text.length() || Character.toLowerCase(text.charAt(t)) != Character.toLowerCase(c)) {
                return false;
            }
            t++;
        }
        return true;
    }

    public SearchResult {
        hits = List.copyOf(hits);
        // In the order given (facets and values by name), not Map.copyOf's: the command line and the search part list
        // them so, and an order that changed from query to query read as if the counts had.
        Map<String, Map<String, Integer>> ordered = new LinkedHashMap<>();
        facets.forEach((facet, values) -> ordered.put(facet, Collections.unmodifiableMap(new LinkedHashMap<>(values))));
        facets = Collections.unmodifiableMap(ordered);
    }
}
