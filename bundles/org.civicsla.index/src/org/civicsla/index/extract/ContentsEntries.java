package org.civicsla.index.extract;

import java.util.regex.Pattern;

/**
 * Entries of a table of contents: a title, a dot leader and a page number ("Limitation of Liability........ 23",
 * "Insurance . . . . . Page 11", "Audits………42"). Such a line names a clause that is somewhere else: it is no section
 * heading, and no evidence that the clause is agreed.
 */
public final class ContentsEntries {

    /** A leader (five dots, spaced or not, or two ellipsis characters) and a page number. */
    private static final Pattern LEADER_AND_PAGE = Pattern.compile("(?:(?:\\. ?){5,}|(?:\u2026 ?){2,}) ?(?:page )?\\d",
            Pattern.CASE_INSENSITIVE);

    private ContentsEntries() {
    }

    /** Whether a leader followed by a page number starts at {@code at} (and ends before {@code to}). */
    public static boolean leaderAt(CharSequence text, int at, int to) {
        return at < to && (text.charAt(at) == '.' || text.charAt(at) == '\u2026')
                && LEADER_AND_PAGE.matcher(text).region(at, to).lookingAt();
    }

    /** Whether [from, to) of {@code text} holds a leader followed by a page number. */
    public static boolean leaderWithin(CharSequence text, int from, int to) {
        // Cheap first, as this is asked at every line or signal: without five dots or two ellipses, no leader.
        int dots = 0;
        int ellipses = 0;
        for (int i = from; i < to && dots < 5 && ellipses < 2; i++) {
            char c = text.charAt(i);
            dots += c == '.' ? 1 : 0;
            ellipses += c == '\u2026' ? 1 : 0;
        }
        return (dots >= 5 || ellipses >= 2) && LEADER_AND_PAGE.matcher(text).region(from, to).find();
    }
}
