package org.civicsla.index.clauses;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The clause taxonomy: which clause types CivicSLA looks for and how it recognises them, as data.
 * The standard taxonomy ships as {@code taxonomy-v1.yaml}; users and plugins extend or override it
 * with files of the same format ({@link #merge}).
 */
public final class ClauseTaxonomy {

    private static final String STANDARD = "taxonomy-v1.yaml";
    // Rules run on lower-cased text; CASE_INSENSITIVE only lets authors write "ISO" or "GDPR" as such.
    // Unicode case folding is not needed for that and is much slower per character.
    private static final int FLAGS = Pattern.CASE_INSENSITIVE;

    /** Largest taxonomy file read; the standard one is some 45 KB. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private final String version;
    private final List<ClauseType> types;
    private final String fingerprint;

    /** Names of the types as shipped in the standard file (not replaced by a user's or plugin's). */
    private final java.util.Set<String> shipped;

    private ClauseTaxonomy(String version, List<ClauseType> types, String fingerprint, java.util.Set<String> shipped) {
        this.version = version;
        this.types = List.copyOf(types);
        this.fingerprint = fingerprint;
        this.shipped = java.util.Set.copyOf(shipped);
    }

    /** The taxonomy shipped with CivicSLA. */
    public static ClauseTaxonomy standard() {
        try (InputStream in = ClauseTaxonomy.class.getResourceAsStream(STANDARD)) {
            if (in == null) {
                throw new IllegalStateException(STANDARD + " is missing from the index bundle");
            }
            ClauseTaxonomy read = load(in, STANDARD);
            return new ClauseTaxonomy(read.version, read.types, read.fingerprint,
                    read.types.stream().map(ClauseType::name).collect(java.util.stream.Collectors.toSet()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + STANDARD + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a taxonomy file.
     *
     * @throws IOException naming {@code sourceName} and the entry when the file is not a valid taxonomy
     */
    public static ClauseTaxonomy load(InputStream in, String sourceName) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        options.setCodePointLimit(4 * 1024 * 1024);
        Object root;
        String fingerprint;
        try {
            byte[] content = in.readNBytes(MAX_BYTES + 1);
            if (content.length > MAX_BYTES) {
                throw new IOException(sourceName + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB; not a taxonomy file");
            }
            fingerprint = sha256(content);
            root = new Yaml(new SafeConstructor(options)).load(new InputStreamReader(new java.io.ByteArrayInputStream(content),
                    StandardCharsets.UTF_8));
        } catch (YAMLException e) {
            throw new IOException(sourceName + ": not valid YAML: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> map) || !(map.get("types") instanceof List<?> entries)) {
            throw new IOException(sourceName + ": expected a 'types' list at the top level");
        }
        List<ClauseType> types = new ArrayList<>();
        int index = 0;
        for (Object entry : entries) {
            index++;
            if (!(entry instanceof Map<?, ?> type)) {
                throw new IOException(sourceName + ": type " + index + " is not a mapping");
            }
            types.add(type(type, sourceName, index));
        }
        return new ClauseTaxonomy(String.valueOf(map.get("version") == null ? "unversioned" : map.get("version")), types,
                fingerprint, java.util.Set.of());
    }

    private static ClauseType type(Map<?, ?> entry, String source, int index) throws IOException {
        Object name = entry.get("name");
        if (!(name instanceof String n) || n.isBlank()) {
            throw new IOException(source + ": type " + index + " has no name");
        }
        String where = source + ", type '" + n + "'";
        List<Integer> steps = new ArrayList<>();
        for (Object step : list(entry, "steps", where)) {
            if (!(step instanceof Integer s) || s < 1 || s > 10) {
                throw new IOException(where + ": steps are checklist step numbers 1..10, not '" + step + "'");
            }
            steps.add(s);
        }
        List<ClauseType.Signal> signals = signals(entry, where);
        if (signals.isEmpty()) {
            throw new IOException(where + ": needs at least one pattern");
        }
        List<String> anchors = new ArrayList<>();
        for (Object anchor : list(entry, "anchors", where)) {
            if (!(anchor instanceof String a) || a.isEmpty()) {
                throw new IOException(where + ": anchors are non-empty literal strings, not '" + anchor + "'");
            }
            anchors.add(a.toLowerCase(Locale.ROOT));
        }
        double minScore = entry.containsKey("minScore") ? weight(entry.get("minScore"), where + ", minScore")
                : integer(entry, "minSignals", 1, where);
        Map<String, Pattern> values = new LinkedHashMap<>();
        Object rawValues = entry.get("values");
        if (rawValues instanceof Map<?, ?> valueMap) {
            for (Map.Entry<?, ?> value : valueMap.entrySet()) {
                String at = where + ", value '" + value.getKey() + "'";
                String regex;
                try {
                    regex = Durations.expand(String.valueOf(value.getValue()));
                } catch (IllegalArgumentException e) {
                    throw new IOException(at + ": " + e.getMessage());
                }
                values.put(String.valueOf(value.getKey()), compile(regex, at));
            }
        } else if (rawValues != null) {
            throw new IOException(where + ": 'values' must map value names to patterns");
        }
        return new ClauseType(n, String.valueOf(entry.get("description") == null ? "" : entry.get("description")), steps,
                anchors, signals, patterns(entry, "near", where), patterns(entry, "exclude", where),
                integer(entry, "window", 300, where), contextSentences(entry, where), flag(entry, "excludeInClause", where),
                minScore, values);
    }

    private static int contextSentences(Map<?, ?> entry, String where) throws IOException {
        Object value = entry.get("contextSentences");
        if (value == null) {
            return 0;
        }
        if (!(value instanceof Integer i) || i < 0 || i > 3) {
            throw new IOException(where + ": 'contextSentences' must be 0 to 3, not '" + value + "'");
        }
        return i;
    }

    private static boolean flag(Map<?, ?> entry, String key, String where) throws IOException {
        Object value = entry.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw new IOException(where + ": '" + key + "' must be true or false, not '" + value + "'");
        }
        return Boolean.TRUE.equals(value);
    }

    /** Patterns are plain strings (weight 1) or mappings {@code {pattern: '...', weight: 0.5}}. */
    private static List<ClauseType.Signal> signals(Map<?, ?> entry, String where) throws IOException {
        List<ClauseType.Signal> signals = new ArrayList<>();
        int i = 0;
        for (Object item : list(entry, "patterns", where)) {
            i++;
            String at = where + ", patterns " + i;
            if (item instanceof Map<?, ?> map) {
                if (!(map.get("pattern") instanceof String regex)) {
                    throw new IOException(at + ": a weighted pattern needs 'pattern' (and 'weight')");
                }
                signals.add(new ClauseType.Signal(signal(regex, at),
                        map.containsKey("weight") ? weight(map.get("weight"), at + ", weight") : 1.0));
            } else {
                signals.add(new ClauseType.Signal(signal(String.valueOf(item), at), 1.0));
            }
        }
        return signals;
    }

    /** A signal's pattern: one that matches empty text ('', 'x?') would find the clause in every document. */
    private static Pattern signal(String regex, String where) throws IOException {
        Pattern pattern = compile(regex, where);
        // An empty match anywhere ('\\b(?:audit)?' at every word boundary) counts as a signal there.
        java.util.regex.Matcher sample = pattern.matcher("a b.");
        boolean empty = pattern.matcher("").find();
        while (!empty && sample.find()) {
            empty = sample.end() == sample.start();
        }
        if (empty) {
            throw new IOException(where + ": '" + regex + "' matches empty text, so it would find the clause everywhere");
        }
        return pattern;
    }

    private static double weight(Object value, String where) throws IOException {
        if (!(value instanceof Number n) || !(n.doubleValue() > 0) || n.doubleValue() > 100) {
            throw new IOException(where + ": must be a number above 0 and at most 100, not '" + value + "'");
        }
        return n.doubleValue();
    }

    private static List<?> list(Map<?, ?> entry, String key, String where) throws IOException {
        Object value = entry.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IOException(where + ": '" + key + "' must be a list");
        }
        return list;
    }

    private static List<Pattern> patterns(Map<?, ?> entry, String key, String where) throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        int i = 0;
        for (Object pattern : list(entry, key, where)) {
            i++;
            patterns.add(compile(String.valueOf(pattern), where + ", " + key + " " + i));
        }
        return patterns;
    }

    private static Pattern compile(String regex, String where) throws IOException {
        Pattern pattern;
        try {
            pattern = Pattern.compile(regex, FLAGS);
        } catch (PatternSyntaxException e) {
            throw new IOException(where + ": not a valid regular expression: " + e.getDescription());
        }
        Optional<Risk> risk = risk(regex);
        if (risk.isPresent() && risk.get().exponential()) {
            throw new IOException(where + ": '" + risk.get().part() + "' repeats a part of varying length, which can take"
                    + " exponential time on some text and stall the indexer; make the repetition possessive ('(?:\\w+\\s?)++'),"
                    + " or give the repeated part a required separator ('(?:\\w+ ){0,3}')");
        }
        if (risk.isPresent()) {
            throw new IOException(where + ": '" + risk.get().part() + "' repeats a group without bound (or more than "
                    + MAX_ROUNDS + " times); Java's matcher goes one step deeper for each round, so a long sentence overflows its"
                    + " stack and the document cannot be read; bound the repetition ('{0,20}') or make it possessive ('*+', '++')");
        }
        return pattern;
    }

    /**
     * A part of a pattern that a backtracking matcher handles badly: {@code exponential}, it can take exponential
     * time (see {@link #risk}); else it is a group of varying length or with alternatives repeated
     * without bound ({@code (?:\\w+ )*}, {@code (a|b)+}), which Java's matcher follows one level of recursion per round:
     * on a sentence of some thousands of words it overflows the stack.
     */
    record Risk(String part, boolean exponential) {
    }

    /**
     * The most rounds a group of varying length may be repeated: on a thread's default stack, 1,000 rounds of
     * '(?:\\w+ )' matched and 5,000 overflowed (JDK 25); real rules need a few dozen.
     */
    private static final int MAX_ROUNDS = 200;

    /** A group while {@link #risk} reads it. */
    private static final class Frame {
        final int start;
        final boolean atomic;
        /** Holds a repetition of varying length ('+', '*', '?', '{1,5}'), at any depth. */
        boolean varying;
        /** The alternative being read: holds such a repetition; has a required separator of its own. */
        boolean alternativeVarying;
        boolean alternativeSeparated;
        /** An alternative read before varies in length without a separator of its own. */
        boolean ambiguous;
        /** Has more than one alternative, or holds a group that has. */
        boolean branching;
        /** The most rounds, nested ones multiplied, of the repeated groups of varying length or with alternatives in it. */
        long rounds;

        Frame(int start, boolean atomic) {
            this.start = start;
            this.atomic = atomic;
        }

        void atom(boolean separator, boolean repeatedVarying) {
            alternativeSeparated |= separator;
            alternativeVarying |= repeatedVarying;
            varying |= repeatedVarying;
        }

        /** At '|' and at the group's end. */
        void endAlternative() {
            ambiguous |= alternativeVarying && !alternativeSeparated;
            alternativeVarying = false;
            alternativeSeparated = false;
        }
    }

    /**
     * The first part of {@code regex} a backtracking matcher handles badly (see {@link Risk}). Exponential: a group
     * repeated more than once ('+', '*', '{2,5}') that holds a repetition of varying length and can split the same
     * text among its rounds in many ways, e.g. {@code (\\w+\\s?)+} or {@code (\\w+\\s?){0,5}}; a running rule, unlike a
     * file, cannot be stopped. A repeated part with a required separator of its own (a space, {@code \\s},
     * punctuation: {@code (?:\\w+ ){0,3}}, {@code (?:\\s+\\w+){0,5}}, {@code (?:\\w+,? (?:or )?){0,3}}) splits one way
     * only (a word cannot take in the separator) and is not exponential, nor are atomic groups and possessive
     * repetitions. Not seen: a class that takes in the separator ({@code (?:[^.]+ ){0,3}}) and overlapping alternatives
     * in a bounded repetition ({@code (?:a|aa){1,100}}). A sketch of the syntax, enough for these questions: escapes,
     * \\Q..\\E quotes and character classes are read as single atoms.
     */
    static Optional<Risk> risk(String regex) {
        java.util.ArrayDeque<Frame> open = new java.util.ArrayDeque<>();
        Frame top = new Frame(0, false);
        int n = regex.length();
        int i = 0;
        while (i < n) {
            char c = regex.charAt(i);
            Frame closed = null;
            boolean separator = false;
            if (c == '\\') {
                if (i + 1 < n && regex.charAt(i + 1) == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    i = end < 0 ? n : end + 2;
                    top.atom(false, false);
                    continue;
                }
                separator = i + 1 < n && "sWbB.,;:-()[]".indexOf(regex.charAt(i + 1)) >= 0;
                i += 2;
            } else if (c == '[') {
                int end = classEnd(regex, i);
                separator = separatorClass(regex.substring(i, end));
                i = end;
            } else if (c == '(') {
                open.push(top);
                top = new Frame(i, regex.startsWith("(?>", i));
                // "(?:", "(?i)", "(?<name>", "(?=": what opens the group is not an atom of it.
                i = regex.startsWith("(?", i) ? groupBody(regex, i) : i + 1;
                continue;
            } else if (c == ')' && !open.isEmpty()) {
                closed = top;
                closed.endAlternative();
                top = open.pop();
                i++;
            } else if (c == '|') {
                top.endAlternative();
                top.branching = true;
                i++;
                continue;
            } else {
                separator = " ,;:-".indexOf(c) >= 0; // not '.', which matches any character
                i++;
            }
            // A repetition of what was just read: an atom, or the group just closed.
            int q = i;
            boolean varying = false;
            int most = 1;
            if (q < n && (regex.charAt(q) == '*' || regex.charAt(q) == '+')) {
                varying = true;
                most = Integer.MAX_VALUE;
                q++;
            } else if (q < n && regex.charAt(q) == '?') {
                varying = true;
                q++;
            } else if (q < n && regex.charAt(q) == '{') {
                int close = regex.indexOf('}', q);
                String bounds = close < 0 ? "" : regex.substring(q + 1, close);
                if (bounds.matches("\\d+(,\\d*)?")) {
                    int comma = bounds.indexOf(',');
                    int least = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
                    most = comma < 0 ? least : comma == bounds.length() - 1 ? Integer.MAX_VALUE
                            : Integer.parseInt(bounds.substring(comma + 1));
                    varying = most != least;
                    q = close + 1;
                }
            }
            boolean possessive = q > i && q < n && regex.charAt(q) == '+';
            if (q > i && q < n && (regex.charAt(q) == '+' || regex.charAt(q) == '?')) {
                q++;
            }
            if (closed != null) {
                if (most >= 2 && !possessive && closed.ambiguous && !closed.atomic) {
                    return Optional.of(new Risk(regex.substring(closed.start, q), true));
                }
                // Each round of a repeated group of varying length or with alternatives is one level of recursion deeper,
                // atomic or not (only a possessive repetition is a loop), and nested repetitions multiply.
                long rounds = closed.rounds;
                if (q > i && !possessive && (closed.varying || closed.branching)) {
                    rounds = most == Integer.MAX_VALUE || rounds > MAX_ROUNDS ? Long.MAX_VALUE : Math.max(1, rounds) * most;
                }
                if (rounds > MAX_ROUNDS) {
                    return Optional.of(new Risk(regex.substring(closed.start, q), false));
                }
                top.rounds = Math.max(top.rounds, rounds);
                top.branching |= closed.branching;
                top.atom(false, !closed.atomic && closed.varying || varying && !possessive);
            } else {
                top.atom(separator && (q == i || !regex.startsWith("?", i) && !regex.startsWith("*", i)), varying && !possessive);
            }
            i = q;
        }
        return Optional.empty();
    }

    /** Index after what opens the group at {@code open}: "(?:", "(?=", "(?<=", "(?<name>", or inline flags "(?i)". */
    private static int groupBody(String regex, int open) {
        for (String opening : List.of("(?:", "(?=", "(?!", "(?>", "(?<=", "(?<!")) {
            if (regex.startsWith(opening, open)) {
                return open + opening.length();
            }
        }
        if (regex.startsWith("(?<", open)) {
            int close = regex.indexOf('>', open);
            return close < 0 ? regex.length() : close + 1;
        }
        int i = open + 2;
        while (i < regex.length() && (Character.isLetter(regex.charAt(i)) || regex.charAt(i) == '-')) {
            i++; // "(?i)" stays a group of its own, closed by its ')'; "(?i:" opens one
        }
        return i < regex.length() && regex.charAt(i) == ':' ? i + 1 : i;
    }

    /** Whether a class holds separators only ("[- ]", "[,;]", "[\\s/]"): no letter or digit, not negated. */
    private static boolean separatorClass(String cls) {
        if (cls.startsWith("[^")) {
            return false;
        }
        for (int i = 1; i < cls.length() - 1; i++) {
            char c = cls.charAt(i);
            if (c == '\\' && i + 1 < cls.length()) {
                if ("sWbB".indexOf(cls.charAt(++i)) < 0 && Character.isLetterOrDigit(cls.charAt(i))) {
                    return false; // \w, \d, \p{...}
                }
            } else if (Character.isLetterOrDigit(c) || c == '[' || c == '&') {
                return false;
            }
        }
        return true;
    }

    /** Index after the character class opening at {@code open} (nested classes and escapes skipped). */
    private static int classEnd(String regex, int open) {
        int depth = 0;
        int i = open;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                // A ']' right after '[' or '[^' is a literal.
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    i++;
                }
            } else if (c == ']' && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return i;
    }

    private static int integer(Map<?, ?> entry, String key, int fallback, String where) throws IOException {
        Object value = entry.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer i) || i < 1) {
            throw new IOException(where + ": '" + key + "' must be a positive whole number");
        }
        return i;
    }

    /** This taxonomy with {@code extra}'s types added; a type of the same name is replaced. */
    public ClauseTaxonomy merge(ClauseTaxonomy extra) {
        Map<String, ClauseType> byName = new LinkedHashMap<>();
        types.forEach(t -> byName.put(t.name(), t));
        extra.types.forEach(t -> byName.put(t.name(), t));
        java.util.Set<String> stillShipped = new java.util.HashSet<>(shipped);
        extra.types.forEach(t -> stillShipped.remove(t.name()));
        return new ClauseTaxonomy(version + "+" + extra.version, new ArrayList<>(byName.values()),
                sha256((fingerprint + "+" + extra.fingerprint).getBytes(StandardCharsets.UTF_8)), stillShipped);
    }

    /**
     * Identifies the files this taxonomy was read from, in order: the same files give the same fingerprint, any
     * change to one another. The document index keeps the fingerprint of the detections it holds and detects
     * again when it differs, so a changed rule never leaves old detections behind.
     */
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Whether {@code type} is as CivicSLA ships it. The detector runs the others (a workspace's, a plugin's) on
     * text that stops a regular expression when its thread is interrupted: their rules were never tried on many
     * contracts, and a rule that backtracks without end would otherwise hold its thread after the document's time
     * limit.
     */
    public boolean shipped(ClauseType type) {
        return shipped.contains(type.name()) && types.contains(type);
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    public List<ClauseType> types() {
        return types;
    }

    public String version() {
        return version;
    }
}
