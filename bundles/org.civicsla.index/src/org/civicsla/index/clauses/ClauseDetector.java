package org.civicsla.index.clauses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.civicsla.index.extract.ContentsEntries;

/**
 * Finds, in one document's text, which clause types of a taxonomy it carries. The text is normalized
 * and lower-cased once and cut into sentences. For each type, its literal anchors pick the sentences
 * to look at (all of them when it has none); there, a signal is a pattern match with the required
 * context near it and no excluding wording near it, the context being the match's sentence (and
 * {@code contextSentences} either side), at most {@code window} characters either side (for excluding
 * wording of a type with {@code excludeInClause}, only the clause between semicolons). A type is
 * present when the weights of its counting signals add up to its {@code minScore}. Evidence is the
 * sentences of the first counting signals (see {@link #snippet}).
 */
public final class ClauseDetector {

    private static final int MAX_EVIDENCE = 3;
    /** Most characters of evidence shown either side of a signal; signals closer than this keep one snippet. */
    private static final int SNIPPET_RADIUS = 160;
    /** Fewest characters of evidence shown: a shorter sentence is shown with the ones after it. */
    private static final int MIN_SNIPPET = 80;
    /** Most characters of evidence shown whole; a longer stretch is cut {@value #SNIPPET_RADIUS} either side of the signal. */
    private static final int MAX_SNIPPET = 400;
    /** Longest sentence taken for a heading. */
    private static final int MAX_HEADING = 60;
    /** Signals at which confidence tops out (0.6 + 0.1 per signal, at most 0.99). */
    private static final int ENOUGH_SIGNALS = 4;

    private final ClauseTaxonomy taxonomy;
    /** Per type, in taxonomy order, its patterns as the detector runs them (see FastPattern). */
    private final List<Compiled> compiled;
    private final Anchors anchors;

    /**
     * A type's signal, near and exclude patterns, each ready for the search the detector makes with it; {@code guarded}
     * for a type not as shipped (see {@link ClauseTaxonomy#shipped}), whose rules run on text that stops them when
     * the thread is interrupted.
     */
    private record Compiled(FastPattern[] signals, FastPattern[] near, FastPattern[] exclude, boolean guarded) {
    }

    public ClauseDetector(ClauseTaxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.compiled = taxonomy.types().stream().map(type -> new Compiled(
                type.signals().stream().map(s -> FastPattern.of(s.pattern())).toArray(FastPattern[]::new),
                FastPattern.contextOf(type.near()), FastPattern.contextOf(type.exclude()), !taxonomy.shipped(type))).toList();
        this.anchors = new Anchors(taxonomy.types(), compiled.stream().map(Compiled::signals).toList());
    }

    /**
     * The detector of the taxonomy shipped in this bundle, built once: parsing it and compiling its
     * patterns takes 10-20 ms, and the workbench asks for it at every search, check and attachment.
     * A detector holds no state between {@link #detect} calls, so one serves every thread.
     */
    public static ClauseDetector standard() {
        return Standard.DETECTOR;
    }

    /** Holder: built on first use, by the class loader's lock. */
    private static final class Standard {
        static final ClauseDetector DETECTOR = new ClauseDetector(ClauseTaxonomy.standard());
    }

    public ClauseTaxonomy taxonomy() {
        return taxonomy;
    }

    /** Characters of text above which every rule runs on the text that stops when interrupted: 6 times the longest CUAD contract. */
    private static final int GUARD_ALL_ABOVE = 2_000_000;

    /** One detection per clause type of the taxonomy, in taxonomy order. */
    public List<ClauseDetection> detect(String original) {
        NormalizedText normalized = NormalizedText.of(original);
        int[] sentences = Sentences.starts(normalized.textChars(), normalized.length());
        Anchors.Found found = anchors.find(normalized.lowerChars(), normalized.length(), sentences);
        List<ClauseDetection> detections = new ArrayList<>(taxonomy.types().size());
        CharSequence guarded = new Interruptible(normalized.lower());
        // The shipped rules are bounded, but bounded work at every word of a text of many millions of characters
        // without a full stop (one "sentence") still outlasts the time limit, and a rule on a plain String cannot
        // be stopped: in so long a text every rule runs on the text that can be.
        boolean guardAll = normalized.length() > GUARD_ALL_ABOVE;
        for (int t = 0; t < taxonomy.types().size(); t++) {
            // A document read for too long is stopped by interrupting its thread (see DocumentIndex); a regular
            // expression does not look at the interrupt, so the detector does, between types.
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("clause detection stopped");
            }
            ClauseType type = taxonomy.types().get(t);
            FastPattern[] patterns = compiled.get(t).signals();
            Walk[] walks = new Walk[patterns.length];
            boolean guard = guardAll || compiled.get(t).guarded();
            for (int p = 0; p < patterns.length; p++) {
                int g = anchors.patternBase(t) + p;
                walks[p] = new Walk(patterns[p], normalized.lower(), guard ? guarded : normalized.lower(),
                        found.starts()[g], found.counts()[g]);
            }
            // The scan is a method of its own, apart from building the detection: the JIT compiles the hot loop
            // again each time a new kind of document reaches a path it had not taken, and with the evidence and
            // value code inlined beside it, each compile was some 90 KB of machine code.
            Tally tally = scan(type, compiled.get(t), walks, normalized.lower(), normalized.text(), guard ? guarded : null,
                    sentences, found.sentences()[t]);
            detections.add(decide(type, tally, normalized, sentences, guard ? guarded : normalized.lower()));
        }
        return detections;
    }

    /** What the scan of one type found: the weights and number of counting signals, and the evidence spans. */
    private static final class Tally {
        double score;
        int signals;
        int excluded;
        final int[] spans = new int[2 * MAX_EVIDENCE];
        final int[] spanSentences = new int[MAX_EVIDENCE];
        int spanCount;

        /**
         * Keeps the signal as evidence unless there is enough, or one in the same sentence or close by is kept
         * already: the snippet is the sentence, so a second signal in it would show the same passage twice.
         */
        void evidence(int start, int end, int sentence) {
            if (spanCount == MAX_EVIDENCE) {
                return;
            }
            for (int k = 0; k < spanCount; k++) {
                if (spanSentences[k] == sentence || Math.abs(spans[2 * k] - start) < SNIPPET_RADIUS) {
                    return;
                }
            }
            spanSentences[spanCount] = sentence;
            spans[2 * spanCount] = start;
            spans[2 * spanCount++ + 1] = end;
        }
    }

    /** {@code guarded}: the text that stops a rule when interrupted, for a type not as shipped; else null. */
    private static Tally scan(ClauseType type, Compiled patterns, Walk[] walks, String text, String cased, CharSequence guarded,
            int[] sentences, boolean[] candidate) {
        Tally tally = new Tally();
        boolean near = patterns.near().length > 0;
        scan: for (int s = 0; s < sentences.length; s++) {
            if (candidate != null && !candidate[s]) {
                continue;
            }
            int sentenceStart = sentences[s];
            int sentenceEnd = s + 1 < sentences.length ? sentences[s + 1] : text.length();
            int contextStart = sentences[Math.max(0, s - type.contextSentences())];
            int after = s + 1 + type.contextSentences();
            int contextEnd = after < sentences.length ? sentences[after] : text.length();
            for (int p = 0; p < walks.length; p++) {
                Walk walk = walks[p].sentence(sentenceStart, sentenceEnd);
                while (walk.next()) {
                    Matcher m = walk.matcher;
                    int from = Math.max(contextStart, m.start() - type.window());
                    int to = Math.min(contextEnd, m.end() + type.window());
                    if (near && !(guarded == null ? anyIn(patterns.near(), text, from, to) : anyIn(type.near(), guarded, from, to))) {
                        continue;
                    }
                    if (ContentsEntries.after(text, cased, m.end())) {
                        continue; // a title in the table of contents says a clause is somewhere, not what it says
                    }
                    int excludeFrom = from;
                    int excludeTo = to;
                    if (type.excludeInClause()) { // from the semicolon before the match to the one after it
                        // indexOf, not a loop over charAt: such a loop here made the JIT drop and recompile
                        // this method again and again while a fresh JVM indexes (profile_predicate traps).
                        excludeFrom = Math.max(from, text.lastIndexOf(';', m.start() - 1) + 1);
                        int semicolon = text.indexOf(';', m.end());
                        excludeTo = semicolon >= 0 && semicolon < to ? semicolon : to;
                    }
                    if (guarded == null ? anyIn(patterns.exclude(), text, excludeFrom, excludeTo)
                            : anyIn(type.exclude(), guarded, excludeFrom, excludeTo)) {
                        tally.excluded++;
                        continue;
                    }
                    tally.signals++;
                    tally.score += type.signals().get(p).weight();
                    tally.evidence(m.start(), m.end(), s);
                    if (tally.score >= type.minScore() && tally.signals >= ENOUGH_SIGNALS
                            && (tally.spanCount >= MAX_EVIDENCE || tally.signals >= 3 * ENOUGH_SIGNALS)) {
                        break scan; // enough to decide, to show and to be sure: the rest only costs time
                    }
                }
            }
        }
        return tally;
    }

    private static ClauseDetection decide(ClauseType type, Tally tally, NormalizedText normalized, int[] sentences,
            CharSequence searched) {
        boolean present = tally.score >= type.minScore();
        double confidence = present ? Math.min(0.99, 0.6 + 0.1 * tally.signals)
                : tally.excluded > 0 || tally.signals > 0 ? 0.6 : 0.9;
        List<ClauseSpan> evidence = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        if (present) {
            String text = normalized.lower();
            String shown = normalized.text();
            int[] spans = tally.spans;
            for (int k = 0; k < tally.spanCount; k++) {
                int start = spans[2 * k];
                int end = spans[2 * k + 1];
                // Offsets locate the signal itself (for pages and passages); the snippet gives its context.
                evidence.add(new ClauseSpan(normalized.original(start), normalized.original(end),
                        snippet(shown, sentences, start, end), List.of(shown.substring(start, end))));
            }
            for (Map.Entry<String, Pattern> value : type.values().entrySet()) {
                for (int k = 0; k < tally.spanCount; k++) {
                    int start = spans[2 * k];
                    int end = spans[2 * k + 1];
                    Matcher m = value.getValue().matcher(searched).region(Math.max(0, start - type.window()),
                            Math.min(text.length(), end + type.window()));
                    // The statement nearest the evidence: the window also holds the sentences around it, where
                    // another period ("an initial term of five years", "within 30 days of delivery") may stand first.
                    int bestStart = -1;
                    int bestEnd = -1;
                    int bestDistance = Integer.MAX_VALUE;
                    while (m.find()) {
                        if (m.groupCount() < 1 || m.group(1) == null) {
                            continue;
                        }
                        int distance = m.end(1) <= start ? start - m.end(1) : m.start(1) >= end ? m.start(1) - end : 0;
                        if (distance < bestDistance) {
                            bestDistance = distance;
                            bestStart = m.start(1);
                            bestEnd = m.end(1);
                        }
                    }
                    if (bestStart >= 0) {
                        values.put(value.getKey(), Durations.value(value.getKey(), shown.substring(bestStart, bestEnd)));
                        break;
                    }
                }
            }
        }
        return new ClauseDetection(type.name(), present, confidence, evidence, values);
    }

    /**
     * The evidence shown for a signal at [start, end): its sentence, with the headings just before it ("5.",
     * "LIMITATION OF LIABILITY."), which say what the clause is, and the sentences after it while what is
     * shown is only a heading or too short to read on its own. A fixed number of characters either side, as
     * before, mostly began in the middle of the clause before and ended in the middle of the next one: a
     * procurement officer read "...findings. 4. SECURITY INCIDENTS. The Supplier shall report..." as the
     * evidence of a liability cap. What is longer than {@value #MAX_SNIPPET} characters (a long sentence, a
     * table, a text without full stops) is cut at a space {@value #SNIPPET_RADIUS} characters either side of the
     * signal, marked "...". {@code text} is normalized (see NormalizedText): one line, its white space folded.
     */
    static String snippet(String text, int[] sentences, int start, int end) {
        int own = Sentences.indexOf(sentences, start);
        int first = own;
        int last = Sentences.indexOf(sentences, Math.max(start, end - 1));
        for (int k = 0; k < 2 && first > 0 && heading(text, sentences[first - 1], sentences[first]); k++) {
            first--;
        }
        // On over what is only headings so far, or too short to read; a short clause does not run on into the
        // next clause's heading ("... audit the Supplier. 8. INSURANCE.").
        while (last + 1 < sentences.length && (heading(text, sentences[first], sentences[last + 1])
                || sentences[last + 1] - sentences[first] < MIN_SNIPPET
                        && !heading(text, sentences[last + 1], last + 2 < sentences.length ? sentences[last + 2] : text.length()))) {
            last++;
        }
        int from = sentences[first];
        int to = last + 1 < sentences.length ? sentences[last + 1] : text.length();
        boolean tooLong = to - from > MAX_SNIPPET;
        boolean cutBefore = tooLong && start - from > SNIPPET_RADIUS;
        if (cutBefore) {
            int space = text.indexOf(' ', start - SNIPPET_RADIUS);
            from = space >= 0 && space < start ? space + 1 : start - SNIPPET_RADIUS; // at a word's start
        }
        boolean cutAfter = tooLong && to - end > SNIPPET_RADIUS;
        if (cutAfter) {
            int space = text.lastIndexOf(' ', end + SNIPPET_RADIUS);
            to = space > end ? space : end + SNIPPET_RADIUS;
        }
        // Cut before the signal, the headings stay in front: they say what the clause is. The cut then falls in the
        // signal's own sentence at the earliest, so no part of a heading is shown twice.
        String headings = "";
        if (cutBefore && first < own) {
            headings = text.substring(sentences[first], sentences[own]).strip() + " ";
            if (from <= sentences[own]) {
                from = sentences[own];
                cutBefore = false;
            }
        }
        return headings + (cutBefore ? "..." : "") + text.substring(from, to).strip() + (cutAfter ? "..." : "");
    }

    /** Whether [from, to) is a heading: short and without a lower-case letter ("5.", "(a)", "INSURANCE."). */
    private static boolean heading(String text, int from, int to) {
        if (to - from > MAX_HEADING) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The matches of one pattern in one sentence after another: tried only where one of its literal
     * openings stands, or else by a plain search (checking a dropped leading \b on each match).
     */
    private static final class Walk {
        /**
         * Tries without a match after which a pattern gives up on a sentence. Where a rule's opening words stand
         * that often in one sentence (at most {@link Sentences#MAX_LENGTH} characters), the sentence is a table
         * or a repetition, not a clause; and each try of a rule with two gaps can cost tens of thousands of
         * steps when the words of its middle part stand densely. In CUAD's contracts no sentence needed more
         * than 16 tries (the detections with 32 and 64 are the same as without a limit).
         */
        static final int MAX_MISSED = 64;
        private final FastPattern pattern;
        private final String text;
        private final int[] starts;
        private final int count;
        final Matcher matcher;
        private int cursor;
        private int start;
        private int end;
        private int next;
        /** Tries that found no match in the current sentence. */
        private int missed;

        /** {@code searched}: what the matcher runs on, {@code text} itself or the same text guarded. */
        Walk(FastPattern pattern, String text, CharSequence searched, int[] starts, int count) {
            this.pattern = pattern;
            this.text = text;
            this.starts = pattern.literals() == null ? null : starts;
            this.count = count;
            this.matcher = pattern.pattern().matcher(searched);
        }

        /** Starts on the sentence [start, end); sentences come in text order. */
        Walk sentence(int start, int end) {
            this.start = start;
            this.end = end;
            this.next = start;
            this.missed = 0;
            if (pattern.literals() == null) {
                matcher.region(start, end);
            }
            return this;
        }

        /** Whether there is a next match; it is then in {@link #matcher}. */
        boolean next() {
            if (pattern.literals() != null) {
                int tried = -1;
                for (; starts != null && cursor < count && starts[cursor] < end; cursor++) {
                    int at = starts[cursor];
                    if (at < next || at == tried || (pattern.leadingBoundary() && !FastPattern.boundaryAt(text, start, at))) {
                        continue;
                    }
                    tried = at;
                    matcher.region(at, end);
                    if (matcher.lookingAt()) {
                        next = matcher.end() > at ? matcher.end() : at + 1;
                        cursor++;
                        return true;
                    }
                    if (++missed == MAX_MISSED) {
                        return false;
                    }
                }
                return false;
            }
            while (matcher.find()) {
                if (!pattern.leadingBoundary() || FastPattern.boundaryAt(text, start, matcher.start())) {
                    return true;
                }
                // Not at a word start: search on from the next character, as the \b would have.
                if (matcher.start() + 1 >= end) {
                    return false;
                }
                matcher.region(matcher.start() + 1, end);
            }
            return false;
        }
    }

    /** The plain search, on guarded text: a type not as shipped. */
    private static boolean anyIn(List<Pattern> patterns, CharSequence guarded, int from, int to) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(guarded).region(from, to).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The text a type's rules run on when the type is not as shipped: every few thousand characters read, it looks
     * at its thread's interrupt and stops the regular expression. A document read for too long is stopped so (see
     * DocumentIndex); the check between types cannot stop one rule that backtracks without end.
     */
    private static final class Interruptible implements CharSequence {
        private final String text;
        private int reads;

        Interruptible(String text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if ((++reads & 0xFFF) == 0 && Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("clause detection stopped");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return text.subSequence(start, end);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private static boolean anyIn(FastPattern[] patterns, String text, int from, int to) {
        for (FastPattern pattern : patterns) {
            if (pattern.findIn(text, from, to)) {
                return true;
            }
        }
        return false;
    }
}
