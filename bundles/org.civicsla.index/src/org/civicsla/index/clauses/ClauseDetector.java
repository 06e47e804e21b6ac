package org.civicsla.index.clauses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in one document's text, which clause types of a taxonomy it carries. A type is present when
 * enough of its signals count: a signal is a pattern match with the required context near it and no
 * excluding wording near it. Evidence is the text around the first counting signals.
 */
public final class ClauseDetector {

    private static final int MAX_EVIDENCE = 3;
    private static final int SNIPPET_RADIUS = 160;

    private final ClauseTaxonomy taxonomy;

    public ClauseDetector(ClauseTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public static ClauseDetector standard() {
        return new ClauseDetector(ClauseTaxonomy.standard());
    }

    public ClauseTaxonomy taxonomy() {
        return taxonomy;
    }

    /** One detection per clause type of the taxonomy, in taxonomy order. */
    public List<ClauseDetection> detect(String original) {
        NormalizedText normalized = NormalizedText.of(original);
        String text = normalized.text();
        List<ClauseDetection> detections = new ArrayList<>(taxonomy.types().size());
        for (ClauseType type : taxonomy.types()) {
            detections.add(detect(type, text, normalized));
        }
        return detections;
    }

    private static ClauseDetection detect(ClauseType type, String text, NormalizedText normalized) {
        int signals = 0;
        int excluded = 0;
        List<int[]> spans = new ArrayList<>();
        for (Pattern pattern : type.patterns()) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int from = Math.max(0, m.start() - type.window());
                int to = Math.min(text.length(), m.end() + type.window());
                if (!type.near().isEmpty() && !anyIn(type.near(), text, from, to)) {
                    continue;
                }
                if (anyIn(type.exclude(), text, from, to)) {
                    excluded++;
                    continue;
                }
                signals++;
                if (spans.size() < MAX_EVIDENCE && spans.stream().noneMatch(s -> Math.abs(s[0] - m.start()) < SNIPPET_RADIUS)) {
                    spans.add(new int[] { m.start(), m.end() });
                }
                if (signals >= type.minSignals() + 4 && spans.size() >= MAX_EVIDENCE) {
                    break; // enough to decide and to show
                }
            }
        }
        boolean present = signals >= type.minSignals();
        double confidence = present ? Math.min(0.99, 0.6 + 0.1 * signals) : excluded > 0 || signals > 0 ? 0.6 : 0.9;
        List<ClauseSpan> evidence = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (present) {
            for (int[] span : spans) {
                int from = Math.max(0, span[0] - SNIPPET_RADIUS);
                int to = Math.min(text.length(), span[1] + SNIPPET_RADIUS);
                // Offsets locate the signal itself (for pages and passages); the snippet gives its context.
                evidence.add(new ClauseSpan(normalized.original(span[0]), normalized.original(span[1]),
                        (from > 0 ? "..." : "") + text.substring(from, to).strip() + (to < text.length() ? "..." : ""),
                        List.of(text.substring(span[0], span[1]))));
            }
            for (Map.Entry<String, Pattern> value : type.values().entrySet()) {
                for (int[] span : spans) {
                    int from = Math.max(0, span[0] - type.window());
                    int to = Math.min(text.length(), span[1] + type.window());
                    Matcher m = value.getValue().matcher(text).region(from, to);
                    if (m.find() && m.groupCount() >= 1 && m.group(1) != null) {
                        values.put(value.getKey(), m.group(1).strip());
                        break;
                    }
                }
            }
        }
        return new ClauseDetection(type.name(), present, confidence, evidence, values);
    }

    private static boolean anyIn(List<Pattern> patterns, String text, int from, int to) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(text).region(from, to).find()) {
                return true;
            }
        }
        return false;
    }
}
