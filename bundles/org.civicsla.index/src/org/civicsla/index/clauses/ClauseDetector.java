package org.civicsla.index.clauses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds, in one document's text, which clause types of a taxonomy it carries. The text is normalized
 * and lower-cased once and cut into sentences. For each type, its literal anchors pick the sentences
 * to look at (all of them when it has none); there, a signal is a pattern match with the required
 * context near it and no excluding wording near it, the context being the match's sentence (and
 * {@code contextSentences} either side), at most {@code window} characters either side. A type is
 * present when the weights of its counting signals add up to its {@code minScore}. Evidence is the
 * text around the first counting signals.
 */
public final class ClauseDetector {

    private static final int MAX_EVIDENCE = 3;
    private static final int SNIPPET_RADIUS = 160;
    /** Signals at which confidence tops out (0.6 + 0.1 per signal, at most 0.99). */
    private static final int ENOUGH_SIGNALS = 4;

    private final ClauseTaxonomy taxonomy;
    /** Per type, its signal patterns as the detector runs them (see FastPattern). */
    private final Map<ClauseType, FastPattern[]> fast = new java.util.IdentityHashMap<>();
    private final Anchors anchors;

    public ClauseDetector(ClauseTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.anchors = new Anchors(taxonomy.types());
        for (ClauseType type : taxonomy.types()) {
            fast.put(type, type.signals().stream().map(s -> FastPattern.of(s.pattern())).toArray(FastPattern[]::new));
        }
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
        int[] sentences = Sentences.starts(normalized.text());
        boolean[][] candidates = anchors.candidates(normalized.lower(), sentences);
        List<ClauseDetection> detections = new ArrayList<>(taxonomy.types().size());
        for (int t = 0; t < candidates.length; t++) {
            ClauseType type = taxonomy.types().get(t);
            detections.add(detect(type, fast.get(type), normalized, sentences, candidates[t]));
        }
        return detections;
    }

    private static ClauseDetection detect(ClauseType type, FastPattern[] fast, NormalizedText normalized, int[] sentences,
            boolean[] candidate) {
        String text = normalized.lower();
        double score = 0;
        int signals = 0;
        int excluded = 0;
        List<int[]> spans = new ArrayList<>();
        Matcher[] matchers = new Matcher[type.signals().size()];
        for (int p = 0; p < matchers.length; p++) {
            matchers[p] = fast[p].pattern().matcher(text);
        }
        scan: for (int s = 0; s < sentences.length; s++) {
            if (candidate != null && !candidate[s]) {
                continue;
            }
            int sentenceStart = sentences[s];
            int sentenceEnd = s + 1 < sentences.length ? sentences[s + 1] : text.length();
            int contextStart = sentences[Math.max(0, s - type.contextSentences())];
            int after = s + 1 + type.contextSentences();
            int contextEnd = after < sentences.length ? sentences[after] : text.length();
            for (int p = 0; p < matchers.length; p++) {
                Matcher m = matchers[p];
                FastPattern fp = fast[p];
                if (fp.firstChars() == null) {
                    m.region(sentenceStart, sentenceEnd);
                }
                int next = sentenceStart;
                while (fp.firstChars() != null ? (next = fp.find(m, text, sentenceStart, next, sentenceEnd)) >= 0 : m.find()) {
                    if (fp.firstChars() != null) {
                        next = m.end() > m.start() ? m.end() : m.start() + 1;
                    } else if (fp.leadingBoundary() && !FastPattern.boundaryAt(text, sentenceStart, m.start())) {
                        // Not at a word start: search on from the next character, as the \b would have.
                        if (m.start() + 1 >= sentenceEnd) {
                            break;
                        }
                        m.region(m.start() + 1, sentenceEnd);
                        continue;
                    }
                    int from = Math.max(contextStart, m.start() - type.window());
                    int to = Math.min(contextEnd, m.end() + type.window());
                    if (!type.near().isEmpty() && !anyIn(type.near(), text, from, to)) {
                        continue;
                    }
                    if (anyIn(type.exclude(), text, from, to)) {
                        excluded++;
                        continue;
                    }
                    signals++;
                    score += type.signals().get(p).weight();
                    int start = m.start();
                    if (spans.size() < MAX_EVIDENCE && spans.stream().noneMatch(x -> Math.abs(x[0] - start) < SNIPPET_RADIUS)) {
                        spans.add(new int[] { m.start(), m.end() });
                    }
                    if (score >= type.minScore() && signals >= ENOUGH_SIGNALS
                            && (spans.size() >= MAX_EVIDENCE || signals >= 3 * ENOUGH_SIGNALS)) {
                        break scan; // enough to decide, to show and to be sure: the rest only costs time
                    }
                }
            }
        }
        boolean present = score >= type.minScore();
        double confidence = present ? Math.min(0.99, 0.6 + 0.1 * signals) : excluded > 0 || signals > 0 ? 0.6 : 0.9;
        List<ClauseSpan> evidence = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (present) {
            String shown = normalized.text();
            for (int[] span : spans) {
                int from = Math.max(0, span[0] - SNIPPET_RADIUS);
                int to = Math.min(shown.length(), span[1] + SNIPPET_RADIUS);
                // Offsets locate the signal itself (for pages and passages); the snippet gives its context.
                evidence.add(new ClauseSpan(normalized.original(span[0]), normalized.original(span[1]),
                        (from > 0 ? "..." : "") + shown.substring(from, to).strip() + (to < shown.length() ? "..." : ""),
                        List.of(shown.substring(span[0], span[1]))));
            }
            for (Map.Entry<String, Pattern> value : type.values().entrySet()) {
                for (int[] span : spans) {
                    int from = Math.max(0, span[0] - type.window());
                    int to = Math.min(text.length(), span[1] + type.window());
                    Matcher m = value.getValue().matcher(text).region(from, to);
                    if (m.find() && m.groupCount() >= 1 && m.group(1) != null) {
                        values.put(value.getKey(), shown.substring(m.start(1), m.end(1)).strip());
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
