package org.civicsla.index.clauses;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A signal pattern recompiled for speed on lower-cased text, with the same matches. Two costs
 * dominate a search: a leading {@code \b}, which Java checks (with a Unicode character-type lookup on
 * each side) at every position before it even looks at the first letter, and case-insensitive
 * comparison. So a leading {@code \b} is dropped and checked by the detector on each match only
 * ({@link #boundaryAt}), and a pattern with no capital letter outside escapes is compiled
 * case-sensitively: on lower-cased text that is the same. Where every match must start with one of a
 * few strings (the pattern opens with literal text or a group of literal alternatives), the detector
 * tries the pattern only where one of them stands instead of at every position.
 *
 * @param pattern what the detector runs
 * @param leadingBoundary whether a match counts only where a word boundary stands before it
 * @param literals when not null, every match starts with one of these strings: the detector finds
 *        them for all patterns at once ({@link Anchors}) and tries the pattern only there
 */
record FastPattern(Pattern pattern, boolean leadingBoundary, List<String> literals) {

    /** Characters that stand for themselves in a regular expression (outside a class). */
    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789 ,'\"-:;/&%=<>!@#_~`";

    static FastPattern of(Pattern original) {
        String regex = original.pattern();
        if (topLevelAlternatives(regex)) {
            // In "\ba|b" the leading \b and the first letter belong to one alternative only.
            return new FastPattern(original, false, null);
        }
        boolean boundary = regex.startsWith("\\b") && regex.length() > 2 && "?*+{".indexOf(regex.charAt(2)) < 0;
        String rest = boundary ? regex.substring(2) : regex;
        boolean lower = lowerCase(rest);
        int flags = lower ? original.flags() & ~Pattern.CASE_INSENSITIVE & ~Pattern.UNICODE_CASE : original.flags();
        // '^' and look-behinds see where a region starts, so those patterns keep a plain search.
        boolean plain = lower && !rest.contains("^") && !rest.contains("(?<");
        List<String> literals = plain ? prefixes(rest) : null;
        return new FastPattern(Pattern.compile(rest, flags), boundary,
                literals == null || literals.contains("") ? null : List.copyOf(new LinkedHashSet<>(literals)));
    }

    /**
     * Near and exclude patterns as a search of a stretch of text runs them: those whose matches open with
     * literal text recompiled as {@link #of} does, the others as they are (a plain search needs no change).
     */
    static FastPattern[] contextOf(List<Pattern> patterns) {
        return patterns.stream().map(original -> {
            FastPattern fast = of(original);
            return fast.literals() != null ? fast : new FastPattern(original, false, null);
        }).toArray(FastPattern[]::new);
    }

    /**
     * Whether the pattern matches somewhere in {@code text} between {@code from} and {@code to}, as
     * {@code matcher(text).region(from, to).find()} of the original pattern decides it. With literal openings
     * the pattern is tried only where one of them stands in the stretch (String.indexOf, a vectorized scan),
     * instead of at every position, where the search checked a word boundary (a Unicode lookup either side)
     * and every alternative: the context of each signal is some hundreds of characters wide.
     */
    boolean findIn(String text, int from, int to) {
        java.util.regex.Matcher matcher = pattern.matcher(text);
        if (literals == null) {
            return matcher.region(from, to).find();
        }
        for (String literal : literals) {
            for (int at = text.indexOf(literal, from, to); at >= 0; at = text.indexOf(literal, at + 1, to)) {
                if ((!leadingBoundary || boundaryAt(text, from, at)) && matcher.region(at, to).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The literal strings every match of {@code regex} starts with: the plain text it opens with, or
     * that of each alternative of the group it opens with (recursively); null when it opens otherwise.
     */
    private static List<String> prefixes(String regex) {
        if (regex.startsWith("(?:") || (regex.startsWith("(") && !regex.startsWith("(?"))) {
            int open = regex.startsWith("(?:") ? 3 : 1;
            int depth = 0;
            List<String> alternatives = new ArrayList<>();
            int from = open;
            for (int i = open; i < regex.length(); i++) {
                char c = regex.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    int close = regex.indexOf(']', i + 2);
                    if (close < 0) {
                        return null;
                    }
                    i = close;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && depth > 0) {
                    depth--;
                } else if ((c == '|' || c == ')') && depth == 0) {
                    alternatives.add(regex.substring(from, i));
                    from = i + 1;
                    if (c == ')') {
                        if (i + 1 < regex.length() && "?*{".indexOf(regex.charAt(i + 1)) >= 0) {
                            return null; // an optional group: the match may start after it
                        }
                        List<String> all = new ArrayList<>();
                        for (String alternative : alternatives) {
                            List<String> some = prefixes(alternative);
                            if (some == null) {
                                return null;
                            }
                            all.addAll(some);
                        }
                        return all;
                    }
                }
            }
            return null;
        }
        int end = 0;
        while (end < regex.length() && PLAIN.indexOf(regex.charAt(end)) >= 0) {
            end++;
        }
        if (end < regex.length() && "?*{".indexOf(regex.charAt(end)) >= 0) {
            end--; // "merges?": the s is optional
        }
        return end <= 0 ? null : List.of(regex.substring(0, end));
    }

    private static boolean topLevelAlternatives(String regex) {
        int depth = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = regex.indexOf(']', i + 2);
                i = close < 0 ? regex.length() : close;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /** No capital letter outside escapes ({@code \S}, {@code \p{Lu}} keep theirs). */
    private static boolean lowerCase(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if ((next == 'p' || next == 'P') && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
                    int close = regex.indexOf('}', i);
                    i = close < 0 ? regex.length() : close;
                } else if (next == 'Q') {
                    return false; // a quoted literal may hold anything: keep the original flags
                } else {
                    i++;
                }
            } else if (Character.isUpperCase(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code \b} at {@code at}, as Java decides it with opaque region bounds starting at {@code from}. */
    static boolean boundaryAt(String text, int from, int at) {
        boolean left = at > from && word(text.charAt(at - 1));
        boolean right = at < text.length() && word(text.charAt(at));
        return left != right;
    }

    private static boolean word(char c) {
        if (c < 128) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || (c >= 'A' && c <= 'Z');
        }
        return Character.isLetterOrDigit(c);
    }
}
