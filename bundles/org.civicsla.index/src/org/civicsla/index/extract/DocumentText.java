package org.civicsla.index.extract;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The text of a contract document, where its pages begin and its section headings. Offsets into
 * {@link #text()} map to a page with {@link #pageAt(int)}, so evidence can say "page 7", and to the section
 * they are in with {@link #sectionAt(int)} ("9. LIMITATION OF LIABILITY"). A TXT or DOCX file is one page.
 */
public record DocumentText(String text, List<Page> pages, List<Section> sections) {

    /** Page {@code number} (1-based) spans {@code [start, end)} of the text. */
    public record Page(int number, int start, int end) {
    }

    /** A section heading: its title, and where in the text it starts (the section runs to the next one). */
    public record Section(int start, String title) {
    }

    public DocumentText {
        // No-break and other Unicode spaces are plain spaces in all that is shown, searched and written to a CSV:
        // PDFs are full of them, and a snippet with them defeats grep, a spreadsheet's matching and copy and paste.
        // One char for one, so offsets, pages and sections stay where they are.
        text = plainSpaces(text);
        pages = List.copyOf(pages);
        sections = sections.stream().map(s -> new Section(s.start(), plainSpaces(s.title()))).toList();
    }

    /** {@code text} with every Unicode space that is not a plain space, tab or line break made a plain space. */
    static String plainSpaces(String text) {
        char[] chars = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80 && Character.isSpaceChar(c)) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = ' ';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** The text and pages, with the section headings found in the text (see {@link Sections}). */
    public DocumentText(String text, List<Page> pages) {
        this(text, pages, Sections.of(plainSpaces(text))); // headings read as "9. LIMITATION", whatever the space
    }

    public static DocumentText singlePage(String text) {
        return new DocumentText(text, List.of(new Page(1, 0, text.length())));
    }

    /** The page an offset falls on; empty for single-page formats, where a page number says nothing. */
    public OptionalInt pageAt(int offset) {
        if (pages.size() <= 1) {
            return OptionalInt.empty();
        }
        for (Page page : pages) {
            if (offset >= page.start() && offset < page.end()) {
                return OptionalInt.of(page.number());
            }
        }
        return OptionalInt.of(pages.get(pages.size() - 1).number());
    }

    /** The title of the section an offset is in; empty before the first heading or without headings. */
    public Optional<String> sectionAt(int offset) {
        int low = 0;
        int high = sections.size() - 1;
        int found = -1;
        while (low <= high) { // the last section starting at or before the offset
            int mid = (low + high) >>> 1;
            if (sections.get(mid).start() <= offset) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found < 0 ? Optional.empty() : Optional.of(sections.get(found).title());
    }
}
