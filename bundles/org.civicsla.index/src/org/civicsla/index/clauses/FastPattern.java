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
 * ({@link #boundaryAt}), and a pattern is compiled case-sensitively, its ASCII capitals lower-cased
 * ("ISO" as "iso"): on lower-cased text that is the same. Where every match must start with one of a
 * few strings (the pattern opens with literal text, a digit, or a group of such alternatives, or it is
 * top-level alternatives that each open so after a {@code \b}), the detector tries the pattern only
 * where one of them stands instead of at every position.
 *
 * @param pattern what the detector runs
 * @param leadingBoundary whether a match counts only where a word boundary stands before it
 * @param literals when not null, every match starts with one of these strings: the detector finds
 *        them for all patterns at once ({@link Anchors}) and tries the pattern only there
 */
record FastPattern(Pattern pattern, boolean leadingBoundary, List<String> literals) {

    private static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    /** Characters that stand for themselves in a regular expression (outside a class). */
    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyz0123456789 ,'\"-:;/&%=<>!@#_~`";

    static FastPattern of(Pattern original) {
        String regex = original.pattern();
        if ((original.flags() & Pattern.CASE_INSENSITIVE) != 0 && !lowerCase(regex)) {
            // "\bISO ?27001\b" finds on lower-cased text what "\biso ?27001\b" finds, without case folding.
            String lowered = lowered(regex);
            regex = lowered != null ? lowered : regex;
        }
        if (topLevelAlternatives(regex)) {
            return alternatives(original, regex);
        }
        boolean boundary = regex.startsWith("\\b") && regex.length() > 2 && "?*+{".indexOf(regex.charAt(2)) < 0;
        String rest = boundary ? regex.substring(2) : regex;
        if (!lowerCase(rest)) {
            return new FastPattern(Pattern.compile(rest, original.flags()), boundary, null);
        }
        int flags = original.flags() & ~Pattern.CASE_INSENSITIVE & ~Pattern.UNICODE_CASE;
        // '^' and look-behinds see where a region starts, so those patterns keep a plain search.
        boolean plain = !startAnchor(rest) && !rest.contains("(?<");
        List<String> literals = plain ? prefixes(rest) : null;
        return new FastPattern(Pattern.compile(rest, flags), boundary,
                literals == null || literals.contains("") ? null : List.copyOf(new LinkedHashSet<>(literals)));
    }

    /**
     * A pattern of top-level alternatives ("\\bin perpetuity\\b|\\bperpetual"): in "\\ba|b" the leading \\b and
     * the first letter belong to one alternative only, so it is kept whole. When every alternative opens with
     * \\b and literal text that starts with a word character, every match stands at a word start on one of
     * those texts: the pattern is tried only there (its own \\b's hold at the start of such a region, and the
     * detector checks the real boundary), trying the alternatives in their order as a search would.
     */
    private static FastPattern alternatives(Pattern original, String regex) {
        if (!lowerCase(regex) || startAnchor(regex) || regex.contains("(?<")) {
            return new FastPattern(original, false, null);
        }
        List<String> literals = new ArrayList<>();
        for (String alternative : split(regex)) {
            List<String> some = alternative.startsWith("\\b") && alternative.length() > 2
                    && "?*+{".indexOf(alternative.charAt(2)) < 0 ? prefixes(alternative.substring(2)) : null;
            if (some == null || some.stream().anyMatch(l -> l.isEmpty() || !word(l.charAt(0)))) {
                return new FastPattern(original, false, null);
            }
            literals.addAll(some);
        }
        int flags = original.flags() & ~Pattern.CASE_INSENSITIVE & ~Pattern.UNICODE_CASE;
        return new FastPattern(Pattern.compile(regex, flags), true, List.copyOf(new LinkedHashSet<>(literals)));
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
                if (c == '\\' || c == '[') {
                    i = atomEnd(regex, i);
                    if (i < 0) {
                        return null;
                    }
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
        if (regex.startsWith("\\d") && !(regex.length() > 2 && ("?*".indexOf(regex.charAt(2)) >= 0 || regex.startsWith("{0", 2)))) {
            return DIGITS; // "\\d{1,3} days": a digit opens every match
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
        return split(regex).size() > 1;
    }

    /** The top-level alternatives of a pattern: itself alone when it has none. */
    private static List<String> split(String regex) {
        List<String> alternatives = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' || c == '[') {
                int end = atomEnd(regex, i);
                i = end < 0 ? regex.length() : end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                alternatives.add(regex.substring(from, i));
                from = i + 1;
            }
        }
        alternatives.add(regex.substring(from));
        return alternatives;
    }

    /** The last index of the escape or class at {@code i}; -1 for a class that never closes. */
    private static int atomEnd(String regex, int i) {
        return regex.charAt(i) == '[' ? classEnd(regex, i) : Math.min(i + 1, regex.length() - 1);
    }

    /**
     * Where the character class opening at {@code open} closes: a ']' first in the class ("[]a]", "[^]a]") is
     * a member, escapes are skipped and nested classes ("[a-z&&[^x]]") closed in turn; -1 when it never does.
     */
    private static int classEnd(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                int close = classEnd(regex, i);
                if (close < 0) {
                    return -1;
                }
                i = close;
            } else if (c == ']') {
                return i;
            }
        }
        return -1;
    }

    /** Whether a '^' outside a class anchors the pattern at a region start ("[^x]" does not). */
    private static boolean startAnchor(String regex) {
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' || c == '[') {
                i = atomEnd(regex, i);
                if (i < 0) {
                    return true; // not understood: the safe answer
                }
            } else if (c == '^') {
                return true;
            }
        }
        return false;
    }

    /**
     * The pattern with its ASCII capitals lower-cased, for a case-insensitive pattern matched on lower-cased
     * text; null where that could change what it matches: capitals in a class ("[A-z]" holds '['), an inline
     * flag or group name ("(?U)", "(?<Name>"), a quoted literal, a control character ("\\cA"), non-ASCII capitals.
     */
    private static String lowered(String regex) {
        StringBuilder out = new StringBuilder(regex.length());
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if (next == 'Q' || next == 'c') {
                    return null;
                }
                int close = (next == 'p' || next == 'P' || next == 'N') && i + 2 < regex.length() && regex.charAt(i + 2) == '{'
                        ? regex.indexOf('}', i) : i + 1;
                if (close < 0) {
                    return null;
                }
                out.append(regex, i, close + 1); // escapes keep their letters: \\S is not \\s
                i = close;
            } else if (c == '[') {
                int close = classEnd(regex, i);
                if (close < 0) {
                    return null;
                }
                String members = regex.substring(i, close + 1);
                if (!members.equals(members.toLowerCase(java.util.Locale.ROOT))) {
                    return null;
                }
                out.append(members);
                i = close;
            } else if (c == '(' && regex.startsWith("(?", i) && i + 2 < regex.length()
                    && (Character.isLetter(regex.charAt(i + 2)) || regex.startsWith("(?<", i) && i + 3 < regex.length()
                            && Character.isLetter(regex.charAt(i + 3)))) {
                return null;
            } else if (c >= 'A' && c <= 'Z') {
                out.append((char) (c + ('a' - 'A')));
            } else if (Character.isUpperCase(c)) {
                return null;
            } else {
                out.append(c);
            }
        }
        return out.toString();
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
