package org.civicsla.index.clauses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The sped-up patterns find exactly what the taxonomy's patterns find. */
class FastPatternTest {

    private static final String TEXT = "1. term. the initial term of this agreement expires on june 30. thereafter, "
            + "either party may terminate it for convenience; determination of terms. no party shall be liable, except "
            + "for breach of section 8 (confidentiality), in no event. gdpr applies; iso 27001 too. perpetual licence.";

    /** Matches as "start-end" within one region, the way the detector walks a sentence. */
    private static List<String> plain(Pattern p, String text, int from, int to) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text).region(from, to);
        while (m.find()) {
            found.add(m.start() + "-" + m.end());
        }
        return found;
    }

    /** The detector's walk: lookingAt where a literal opening stands, or a search checking the dropped \\b. */
    private static List<String> fast(FastPattern fp, String text, int from, int to) {
        List<String> found = new ArrayList<>();
        Matcher m = fp.pattern().matcher(text);
        if (fp.literals() != null) {
            java.util.TreeSet<Integer> starts = new java.util.TreeSet<>();
            for (String literal : fp.literals()) {
                for (int at = text.indexOf(literal, from); at >= 0 && at < to; at = text.indexOf(literal, at + 1)) {
                    starts.add(at);
                }
            }
            int next = from;
            for (int at : starts) {
                if (at < next || (fp.leadingBoundary() && !FastPattern.boundaryAt(text, from, at))) {
                    continue;
                }
                m.region(at, to);
                if (m.lookingAt()) {
                    found.add(m.start() + "-" + m.end());
                    next = m.end() > at ? m.end() : at + 1;
                }
            }
            return found;
        }
        m.region(from, to);
        while (m.find()) {
            if (fp.leadingBoundary() && !FastPattern.boundaryAt(text, from, m.start())) {
                if (m.start() + 1 >= to) {
                    break;
                }
                m.region(m.start() + 1, to);
                continue;
            }
            found.add(m.start() + "-" + m.end());
        }
        return found;
    }

    @Test
    void findsWhatThePlainPatternFinds() {
        List<String> regexes = List.of("\\bterm\\b", "\\bterm", "term", "\\b(?:initial term|term of)\\b.{0,40}?\\bexpir\\w*",
                "\\b(?:except|excluding)\\b.{0,80}?\\b(?:in no event|liable)", "\\bterminat\\w*\\b.{0,60}?\\bfor convenience\\b",
                "\\bGDPR\\b", "\\bISO ?27001\\b", "\\bin perpetuity\\b|\\bperpetual\\b", "^\\d\\.? ?term\\b",
                "\\b(?:\\w+ )?party\\b", "(?:shall|may)? ?terminat\\w*", "\\b(?:no|any) party\\b", "(?<!de)term\\w*",
                "\\bin perpetuity\\b|\\bperpetual(?:ly)?\\b", "\\bterm\\b|\\bparty", "\\b(?:\\d{1,3}|thirty) (?:days|june)",
                "\\b\\d{1,3}\\)?", "\\bby (?:either|any) party\\b[^;]{0,40}?\\bterminat", "[^;]{0,9}term\\b", "\\bISO ?27001\\b",
                "\\bNIST (?:SP )?800-\\d+|\\bGDPR", "\\b[A-Z]{2,4} ?27001", "\\ba\\w*|on\\b");
        int[] regions = { 0, 9, 63, TEXT.length() };
        for (String regex : regexes) {
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            FastPattern fp = FastPattern.of(p);
            for (int r = 0; r + 1 < regions.length; r++) {
                assertEquals(plain(p, TEXT, regions[r], regions[r + 1]), fast(fp, TEXT, regions[r], regions[r + 1]),
                        regex + " in region " + r);
            }
            assertEquals(plain(p, TEXT, 0, TEXT.length()), fast(fp, TEXT, 0, TEXT.length()), regex);
        }
    }

    /**
     * Near and exclude patterns ask whether anything matches in a stretch of text: the same answer as a search
     * of that stretch, at every start and end, so matches cut by either bound and word boundaries at the start
     * of the stretch are decided alike.
     */
    @Test
    void searchesAStretchAsThePlainPatternDoes() {
        List<String> regexes = List.of("\\bterm\\b", "\\b(?:initial term|term of)\\b.{0,40}?\\bexpir\\w*", "\\bparty\\b",
                "\\b(?:shall|will|must|agrees? to) (?:\\w+ ){0,2}?(?:terminate|be liable)\\b", "erm", "\\b(?:\\w+ )?party\\b",
                "\\bGDPR\\b", "(?<!de)term\\w*", "^\\d\\.? ?term\\b", "\\bin perpetuity\\b|\\bperpetual\\b", "\\bno\\b");
        for (String regex : regexes) {
            Pattern p = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
            FastPattern context = FastPattern.contextOf(List.of(p))[0];
            for (int from = 0; from < TEXT.length(); from += 3) {
                for (int to = from; to <= TEXT.length(); to += 7) {
                    assertEquals(p.matcher(TEXT).region(from, to).find(), context.findIn(TEXT, from, to),
                            regex + " in " + from + "-" + to);
                }
            }
        }
        assertTrue(FastPattern.contextOf(List.of(Pattern.compile("\\bparty\\b")))[0].literals() != null,
                "a literal opening is searched for by its text");
    }

    /**
     * Every pattern the product ships (signals, near and exclude) finds on real contract wording what its plain
     * pattern finds, sentence by sentence: the sample city's contracts (samples/riverton of this repository).
     */
    @Test
    void everyShippedPatternFindsWhatItsPlainPatternFindsOnTheSampleContracts() throws java.io.IOException {
        java.nio.file.Path repository = java.nio.file.Path.of("").toAbsolutePath();
        while (repository != null && !java.nio.file.Files.isDirectory(repository.resolve("samples/riverton/documents"))) {
            repository = repository.getParent();
        }
        assertTrue(repository != null, "samples/riverton is above " + java.nio.file.Path.of("").toAbsolutePath());
        StringBuilder contracts = new StringBuilder();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(repository.resolve("samples/riverton/documents"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                contracts.append(java.nio.file.Files.readString(file)).append("\n\n");
            }
        }
        // And wording the samples lack: matches opening with a digit, a capital, an alternative of two.
        contracts.append(TEXT).append(" The Products carry a 12-month limited warranty. Either party may end it on 90 days' "
                + "notice prior to the end of the then-current term. The license is perpetual. The Supplier keeps ISO 27001 "
                + "certification and follows NIST SP 800-53.");
        NormalizedText normalized = NormalizedText.of(contracts.toString());
        String text = normalized.lower();
        int[] sentences = Sentences.starts(normalized.text());
        int compared = 0;
        for (ClauseType type : ClauseTaxonomy.standard().types()) {
            List<Pattern> patterns = new ArrayList<>(type.signals().stream().map(ClauseType.Signal::pattern).toList());
            for (Pattern p : patterns) {
                FastPattern fp = FastPattern.of(p);
                for (int s = 0; s < sentences.length; s++) {
                    int end = s + 1 < sentences.length ? sentences[s + 1] : text.length();
                    assertEquals(plain(p, text, sentences[s], end), fast(fp, text, sentences[s], end),
                            type.name() + ": " + p.pattern() + " in sentence " + s);
                    compared++;
                }
            }
            List<Pattern> context = new ArrayList<>(type.near());
            context.addAll(type.exclude());
            FastPattern[] fast = FastPattern.contextOf(context);
            for (int k = 0; k < fast.length; k++) {
                for (int s = 0; s < sentences.length; s++) {
                    int end = s + 1 < sentences.length ? sentences[s + 1] : text.length();
                    assertEquals(context.get(k).matcher(text).region(sentences[s], end).find(), fast[k].findIn(text, sentences[s], end),
                            type.name() + ": " + context.get(k).pattern() + " in sentence " + s);
                }
            }
        }
        assertTrue(compared > 10_000, compared + " comparisons");
    }

    @Test
    void literalOpeningsAreWhatEveryMatchStartsWith() {
        assertEquals(List.of("merger", "merge", "sale of "),
                FastPattern.of(Pattern.compile("\\b(?:merger|merges?|sale of (?:all|substantially all))\\b")).literals());
        assertEquals(List.of("liab", "in no event"), FastPattern.of(Pattern.compile("\\b(?:liab\\w*|in no event)")).literals());
        assertEquals(List.of("upon", "after"), FastPattern.of(Pattern.compile("(?:(?:upon|after) )the")).literals());
        assertEquals(List.of("terminat"), FastPattern.of(Pattern.compile("\\bterminat\\w*")).literals());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "one"),
                FastPattern.of(Pattern.compile("\\b(?:\\d{1,3}|one) days")).literals(), "a digit opens the first alternative");
        assertNull(FastPattern.of(Pattern.compile("\\b(?:\\d{0,3}|one) days")).literals(), "the digits may be missing");
        assertNull(FastPattern.of(Pattern.compile("\\b(?:\\w+|one) days")).literals(), "a class opens an alternative");
        assertEquals(List.of("by "), FastPattern.of(Pattern.compile("\\bby [^;]{0,80}?notice")).literals(), "'^' in a class anchors nothing");
        assertNull(FastPattern.of(Pattern.compile("(?:a|)b")).literals(), "an empty alternative");
        assertNull(FastPattern.of(Pattern.compile("\\bs?he")).literals(), "an optional first letter");
    }

    @Test
    void theDetectorFindsWhatThePlainPatternsFind() throws java.io.IOException {
        String yaml = """
                types:
                  - name: Literal
                    patterns: ['\\b(?:terminat\\w*|expir\\w*)\\b.{0,40}?\\bnotice\\b']
                  - name: First Letter
                    patterns: ['\\b[t]erminat\\w* (?:for|on) convenience']
                  - name: Plain
                    patterns: ['\\b(?:\\w+ )?party may terminat']
                """;
        ClauseDetector detector = new ClauseDetector(ClauseTaxonomy.load(
                new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "t.yaml"));
        List<ClauseDetection> found = detector.detect("Determination of notice. Either party may terminate for "
                + "convenience. It expires on notice. Determine notice.");
        assertTrue(found.get(0).present());
        assertEquals("expires on notice", found.get(0).evidence().get(0).terms().get(0), "not 'termination of notice'");
        assertEquals("terminate for convenience", found.get(1).evidence().get(0).terms().get(0));
        assertTrue(found.get(2).present());
    }

    @Test
    void onlyPlainOpeningsGetTheLiteralShortcut() {
        assertTrue(FastPattern.of(Pattern.compile("\\b(?:except|save for)\\b")).leadingBoundary());
        assertEquals(List.of("in perpetuity", "perpetual"),
                FastPattern.of(Pattern.compile("\\bin perpetuity\\b|\\bperpetual\\b")).literals(), "alternatives each at a word start");
        assertTrue(FastPattern.of(Pattern.compile("\\bin perpetuity\\b|\\bperpetual\\b")).leadingBoundary());
        assertNull(FastPattern.of(Pattern.compile("\\bin perpetuity\\b|perpetual")).literals(), "one alternative not at a word start");
        assertFalse(FastPattern.of(Pattern.compile("\\bin perpetuity\\b|perpetual")).leadingBoundary());
        assertNull(FastPattern.of(Pattern.compile("^insurance")).literals(), "'^' needs the sentence as region");
        assertNull(FastPattern.of(Pattern.compile("(?<!de)term")).literals(), "a look-behind needs the sentence as region");
        assertEquals(List.of("gdpr"), FastPattern.of(Pattern.compile("\\bGDPR\\b", Pattern.CASE_INSENSITIVE)).literals(),
                "capitals of a case-insensitive pattern lower-cased, as the text is");
        assertNull(FastPattern.of(Pattern.compile("\\bGDPR\\b")).literals(), "a case-sensitive pattern keeps its capitals");
        assertNull(FastPattern.of(Pattern.compile("\\b[A-Z]{2,4} ?27001", Pattern.CASE_INSENSITIVE)).literals(),
                "capitals in a class keep case folding ([A-z] holds '[')");
        assertNull(FastPattern.of(Pattern.compile("(?U)\\bISO\\b", Pattern.CASE_INSENSITIVE)).literals(), "an inline flag");
        assertEquals("\\S+ iso", FastPattern.of(Pattern.compile("\\S+ ISO", Pattern.CASE_INSENSITIVE)).pattern().pattern(),
                "escapes keep their letters");
    }
}
