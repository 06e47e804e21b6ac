package org.civicsla.index.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the section headings of a contract's plain text, so a passage or a clause can say which section
 * it is in ("9. LIMITATION OF LIABILITY"). Contracts write headings in a few ways, and each is looked for
 * at the start of a line only:
 * <ul>
 * <li>a numbered heading before the clause text on its line: "5. LIMITATION OF LIABILITY. The Supplier's
 * total ..." or "12.3 Governing Law. This Agreement ...";</li>
 * <li>a line of its own: "ARTICLE 9", "Section 4.2 Term", "9. Limitation of Liability", "INSURANCE";</li>
 * <li>two such lines in a row ("ARTICLE 9" then "INDEMNIFICATION") make one heading.</li>
 * </ul>
 * A heading's words are capitalised (small words aside) or all in capitals, and it is short: "8.1 The term of
 * this Agreement shall be ..." is clause text, not a heading.
 */
final class Sections {

    /** Longest heading kept. */
    private static final int MAX_TITLE = 80;
    private static final int MAX_WORDS = 10;
    /** Characters of a line looked at: a number, a title of {@value #MAX_TITLE} and what closes it. */
    private static final int LOOK = 120;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** A line of capitals seen this often in one document is a running header or footer. */
    private static final int REPEATED = 3;
    private static final Set<String> SMALL_WORDS = Set.of("a", "an", "and", "as", "at", "by", "for", "from", "in", "of",
            "on", "or", "the", "to", "upon", "with", "its", "their", "under");
    /** "ARTICLE 9", "Section 4.2", "SCHEDULE B", "Exhibit A" and what follows on the line. */
    private static final Pattern LABELLED = Pattern.compile(
            "(?:ARTICLE|Article|SECTION|Section|SCHEDULE|Schedule|EXHIBIT|Exhibit|ANNEX|Annex|APPENDIX|Appendix)"
                    + " +(?:[0-9]{1,3}(?:\\.[0-9]{1,3}){0,3}|[IVXLC]{1,6}|[A-Z])\\b[.:]?(?: *[-–—]? *(.*))?");

    private Sections() {
    }

    /** The headings of {@code text}, in text order. */
    static List<DocumentText.Section> of(String text) {
        List<DocumentText.Section> sections = new ArrayList<>();
        List<Boolean> capitalsOnly = new ArrayList<>(); // per section: found by the short-capitals rule alone
        int previousEnd = -1; // where the line of the last heading ended, when it was a bare "ARTICLE 9" alone
        // What came before this line: a line of capitals heads a section only after a blank line, a line ending a
        // sentence, or a bare "ARTICLE 9" whose title it is. In a PDF, every line of a paragraph in capitals (a warranty disclaimer, a
        // liability cap) is short and without a lower-case letter: those lines are not headings.
        boolean afterBreak = true;
        int n = text.length();
        int line = 0;
        while (line < n) {
            int end = text.indexOf('\n', line);
            if (end < 0) {
                end = n;
            }
            int from = line;
            while (from < end && Character.isWhitespace(text.charAt(from))) {
                from++;
            }
            if (from == end) {
                afterBreak = true; // a blank line
                line = end + 1;
                continue;
            }
            boolean headed = false;
            // Most lines cannot open a heading, and are skipped before anything is copied or matched.
            if (candidate(text, from, end) && !contentsEntry(text, from, end)) {
                // A heading and the start of a clause after it fit in this; the rest of a long line is not copied.
                String content = text.substring(from, Math.min(end, from + LOOK)).strip();
                Heading heading = heading(content);
                if (heading != null && (!heading.capitalsOnly() || afterBreak || previousEnd >= 0)) {
                    headed = true;
                    boolean alone = heading.wholeLine() && content.length() == end - from - trailingSpace(text, from, end);
                    DocumentText.Section last = sections.isEmpty() ? null : sections.get(sections.size() - 1);
                    if (last != null && previousEnd >= 0 && blankBetween(text, previousEnd, from)
                            && last.title().length() + heading.title().length() < MAX_TITLE) {
                        // "ARTICLE 9" over "INDEMNIFICATION": one heading.
                        sections.set(sections.size() - 1, new DocumentText.Section(last.start(), last.title() + " " + heading.title()));
                        capitalsOnly.set(capitalsOnly.size() - 1, false);
                    } else {
                        sections.add(new DocumentText.Section(from, heading.title()));
                        capitalsOnly.add(heading.capitalsOnly());
                    }
                    previousEnd = alone && heading.bare() ? end : -1;
                }
            }
            if (!headed) {
                previousEnd = -1;
            }
            int last = end - trailingSpace(text, from, end) - 1;
            afterBreak = ".:;".indexOf(text.charAt(last)) >= 0;
            line = end + 1;
        }
        // A line of capitals that comes back again and again is a running header or footer ("CONFIDENTIAL
        // TREATMENT REQUESTED", the company's name), not a section: each page break would start one.
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            if (capitalsOnly.get(i)) {
                seen.merge(sections.get(i).title(), 1, Integer::sum);
            }
        }
        List<DocumentText.Section> kept = new ArrayList<>(sections.size());
        for (int i = 0; i < sections.size(); i++) {
            if (!capitalsOnly.get(i) || seen.get(sections.get(i).title()) < REPEATED) {
                kept.add(sections.get(i));
            }
        }
        return kept;
    }

    /**
     * Whether the line [from, end) is an entry of a table of contents ("Limitation of Liability........ 23"): a leader
     * and a page number where a heading would be, in its first {@value #LOOK} characters. Its title is no section the
     * text after it is in; a clause with a form's blank ("the sum of ........ stated in Schedule 2") still is one.
     */
    private static boolean contentsEntry(String text, int from, int end) {
        return ContentsEntries.leaderWithin(text, from, Math.min(end, from + LOOK));
    }

    private static final String[] LABELS = { "ARTICLE", "Article", "SECTION", "Section", "SCHEDULE", "Schedule", "EXHIBIT",
        "Exhibit", "ANNEX", "Annex", "APPENDIX", "Appendix" };

    /**
     * Whether the line [from, end) may be a heading: it opens with a digit (numbered) or a label word, or it is
     * short and has no lower-case letter. Checked on the text itself, without copying the line.
     */
    private static boolean candidate(String text, int from, int end) {
        char first = text.charAt(from);
        if (first >= '0' && first <= '9') {
            return true;
        }
        if (!Character.isUpperCase(first)) {
            return false;
        }
        if (labelled(text, from)) {
            return true;
        }
        if (end - from - trailingSpace(text, from, end) > 60) {
            return false;
        }
        for (int i = from; i < end; i++) {
            if (Character.isLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelled(String text, int from) {
        for (String label : LABELS) {
            if (text.startsWith(label, from)) {
                return true;
            }
        }
        return false;
    }

    /** A heading; {@code bare}: a label without a title ("ARTICLE 9"), whose title may be the next line. */
    record Heading(String title, boolean wholeLine, boolean bare, boolean capitalsOnly) {
    }

    /** The heading {@code line} opens with, or null. */
    static Heading heading(String line) {
        if (line.charAt(0) >= '0' && line.charAt(0) <= '9') {
            return numbered(line);
        }
        Matcher labelled = labelled(line, 0) ? LABELLED.matcher(line) : null;
        if (labelled != null && labelled.matches()) {
            String rest = labelled.group(1) == null ? "" : labelled.group(1).strip();
            if (rest.isEmpty() || titled(rest)) {
                return new Heading(trim(line), true, rest.isEmpty(), false);
            }
            // "SECTION 1.01. Definitions. As used in ...": the title up to the full stop before the clause text.
            int stop = rest.indexOf(". ");
            if (stop > 0 && titled(rest.substring(0, stop))) {
                return new Heading(trim(line.substring(0, line.length() - rest.length() + stop)), false, false, false);
            }
            return null;
        }
        // Not a page number ("PAGE 5 OF 10"), a document number ("US-DOCS\\105216871.19") or two sentences
        // ("\"AS IS.\" EACH").
        if (line.length() <= 60 && titled(line) && letters(line) >= 4
                && !hasLowerCase(line) && !line.endsWith(",") && line.indexOf('\\') < 0
                && !line.startsWith("PAGE ") && !trim(line).contains(". ") && !trim(line).contains(".\" ")) {
            return new Heading(trim(line), true, false, true);
        }
        return null;
    }

    /**
     * "5. TERM. The ...", "12.3 Governing Law: This ...", "9. Limitation of Liability": a number of one to four parts
     * of one or two digits, then a title up to a full stop or colon before the clause text, or to the line's end.
     * Parsed by hand: this runs on every line that opens with a digit (tables, lists, amounts).
     */
    private static Heading numbered(String line) {
        int n = line.length();
        int i = digits(line, 0);
        if (i == 0 || i > 2) {
            return null;
        }
        for (int parts = 1; parts < 4 && i + 1 < n && line.charAt(i) == '.' && isDigit(line.charAt(i + 1)); parts++) {
            int next = digits(line, i + 1);
            if (next - i - 1 > 2) {
                return null;
            }
            i = next;
        }
        int number = i;
        boolean dot = i < n && line.charAt(i) == '.';
        int spaces = dot ? i + 1 : i;
        int from = spacesFrom(line, spaces); // "1.\tTERM" in a DOCX
        if (from == spaces) {
            return null;
        }
        int stop = titleEnd(line, from);
        if (stop - from < 2 || stop - from > MAX_TITLE) {
            return null;
        }
        boolean whole = stop == n || (stop == n - 1 && line.charAt(stop) != ';');
        if (!whole && (line.charAt(stop) == ';' || line.charAt(stop + 1) != ' ')) {
            return null; // "U.S." or "a; b": not a title's end
        }
        return numberedTitle(line, number, dot, from, stop, whole);
    }

    /*
     * numbered() reads only where the parts are, in loops of their own, and hands the few lines shaped as a heading
     * to numberedTitle(): the JIT compiles each apart, small, instead of one parser with the title's checks, its
     * copies and lower-casing inlined, which it compiled four times over (as the loops ran long, and as new
     * documents took new paths), some 450 ms each, of the first index in a fresh JVM.
     */
    private static Heading numberedTitle(String line, int number, boolean dot, int from, int stop, boolean whole) {
        String title = line.substring(from, stop).strip();
        // "10 Downing Street" is an address: a number without a full stop heads only a title in capitals.
        boolean dotted = dot || line.lastIndexOf('.', number - 1) >= 0;
        if (!titled(title) || letters(title) == 0 || (!dotted && hasLowerCase(title))) {
            return null;
        }
        // concat, not +: string concatenation's invokedynamic chain, inlined here, doubled each JIT compile.
        return new Heading(line.substring(0, number).concat(dot ? ". " : " ").concat(trim(title)), whole, false, false);
    }

    /** Where the spaces and tabs from {@code from} end. */
    private static int spacesFrom(String line, int from) {
        int i = from;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** Where a title from {@code from} ends: at the first full stop, colon or semicolon, or at the line's end. */
    private static int titleEnd(String line, int from) {
        int stop = from;
        while (stop < line.length() && ".:;".indexOf(line.charAt(stop)) < 0) {
            stop++;
        }
        return stop;
    }

    /*
     * Loops, not line.chars() streams: these run on most lines of every document, and a stream pipeline inlined
     * into the parser made each JIT compile of numbered() take some 450 ms of the first index in a fresh JVM.
     */
    private static int letters(String line) {
        int count = 0;
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLetter(line.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    private static boolean hasLowerCase(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isLowerCase(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int digits(String line, int from) {
        int i = from;
        while (i < line.length() && isDigit(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether {@code words} read as a title: few words, each capitalised or a small word, no sentence in it. */
    private static boolean titled(String words) {
        if (words.length() > MAX_TITLE) {
            return false;
        }
        int count = 0;
        int i = 0;
        int n = words.length();
        while (i < n) {
            while (i < n && (words.charAt(i) == ' ' || words.charAt(i) == '/')) {
                i++;
            }
            if (i == n) {
                break;
            }
            int start = i;
            while (i < n && words.charAt(i) != ' ' && words.charAt(i) != '/') {
                i++;
            }
            if (++count > MAX_WORDS) {
                return false;
            }
            char first = words.charAt(start);
            boolean capital = Character.isUpperCase(first) || Character.isDigit(first) || first == '(' || first == '&'
                    || first == '-' || first == '"' || first == '\'';
            if (!capital && (count == 1 || !SMALL_WORDS.contains(words.substring(start, i).toLowerCase(Locale.ROOT)))) {
                return false;
            }
        }
        return true;
    }

    /** The title without closing punctuation, its runs of spaces one space. */
    private static String trim(String title) {
        String t = SPACES.matcher(title.strip()).replaceAll(" ");
        while (!t.isEmpty() && ".:;-–—".indexOf(t.charAt(t.length() - 1)) >= 0) {
            t = t.substring(0, t.length() - 1).strip();
        }
        return t;
    }

    private static int trailingSpace(String text, int from, int end) {
        int k = end;
        while (k > from && Character.isWhitespace(text.charAt(k - 1))) {
            k--;
        }
        return end - k;
    }

    private static boolean blankBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
