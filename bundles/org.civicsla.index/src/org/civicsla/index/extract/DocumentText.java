package org.civicsla.index.extract;

import java.util.List;
import java.util.OptionalInt;

/**
 * The text of a contract document and where its pages begin. Offsets into {@link #text()} map to a
 * page with {@link #pageAt(int)}, so evidence can say "page 7". A TXT or DOCX file is one page.
 */
public record DocumentText(String text, List<Page> pages) {

    /** Page {@code number} (1-based) spans {@code [start, end)} of the text. */
    public record Page(int number, int start, int end) {
    }

    public DocumentText {
        pages = List.copyOf(pages);
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
}
