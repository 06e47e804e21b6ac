package org.civicsla.index.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Entries of a table of contents: a title, a dot leader and a page number ("Limitation of Liability........ 23",
 * "Insurance . . . . . Page 11", "Audits………42"), or a title and a page number before the next numbered heading
 * ("LIMITATION OF LIABILITY 24 24.0 RELATIONSHIP OF THE PARTIES 18"). Such a line names a clause that is somewhere
 * else: it is no section heading (see Sections), and no evidence that the clause is agreed (see ClauseDetector).
 */
public final class ContentsEntries {

    /** A leader (five dots, spaced or not, or two ellipsis characters) and a page number. */
    private static final Pattern LEADER_AND_PAGE = Pattern.compile("(?:(?:\\. ?){5,}|(?:\u2026 ?){2,}) ?(?:page )?\\d",
            Pattern.CASE_INSENSITIVE);
    /** A page number and the numbered heading of the next entry ("18 25.0 S", "24 ARTICLE 9 T"). */
    private static final Pattern PAGE_THEN_HEADING = Pattern.compile(
            " \\d{1,3} (?:(?:ARTICLE|Article|SECTION|Section) )?\\d{1,2}(?:\\.\\d{1,2})*\\.? [A-Z]");
    /** Most characters of a title after the words that matched in it. */
    private static final int TITLE = 80;
    /** How far another entry is looked for. */
    private static final int NEAR = 400;

    private ContentsEntries() {
    }

    /**
     * Whether the words ending at {@code end} are in an entry of a table of contents: the rest of the title, then a
     * leader and a page number with another such entry close by (a table has several, where a form's blank, "within
     * .......... 24 hours", stands alone); or page numbers each before the next numbered heading, three within a few
     * lines. {@code lower} and {@code cased}: the text lower-cased and as written (the headings' capitals), same
     * offsets.
     */
    public static boolean after(String lower, String cased, int end) {
        return withLeader(lower, end) || withoutLeaders(cased, end);
    }

    private static boolean withLeader(String text, int end) {
        int n = text.length();
        int stop = end;
        while (stop < n && stop - end <= TITLE && text.charAt(stop) != '.' && text.charAt(stop) != '\u2026') {
            stop++; // the rest of the title, up to where a leader may start
        }
        if (stop - end > TITLE || !leaderAt(text, stop, Math.min(n, stop + 300))) {
            return false;
        }
        int after = stop;
        while (after < n && (text.charAt(after) == '.' || text.charAt(after) == ' ' || text.charAt(after) == '\u2026')) {
            after++; // past this entry's leader: the other entry looked for is another one
        }
        return leaderWithin(text, Math.max(0, end - NEAR), end) || leaderWithin(text, after, Math.min(n, after + NEAR));
    }

    private static boolean withoutLeaders(String cased, int end) {
        Matcher entries = PAGE_THEN_HEADING.matcher(cased).region(end, Math.min(cased.length(), end + 300));
        // The first page number must follow the words' own title closely: they are an entry, not text before one.
        if (!entries.find() || entries.start() - end > TITLE) {
            return false;
        }
        int found = 1;
        while (found < 3 && entries.find()) {
            found++;
        }
        return found == 3;
    }

    /** Whether a leader followed by a page number starts at {@code at} (and ends before {@code to}). */
    private static boolean leaderAt(CharSequence text, int at, int to) {
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
