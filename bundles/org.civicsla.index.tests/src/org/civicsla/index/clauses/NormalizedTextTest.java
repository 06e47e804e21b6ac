package org.civicsla.index.clauses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the rules see of a text, and that every offset still points into the text as given. */
class NormalizedTextTest {

    @Test
    void joinsAWordHyphenatedAtALineEnd() {
        assertEquals("the security of data", NormalizedText.of("the secu-\nrity of data").text());
        assertEquals("the security of data", NormalizedText.of("the secu- \t\r\n   rity of data").text());
        // The letter after the join maps back to where it stands in the original.
        NormalizedText t = NormalizedText.of("secu-\n  rity");
        assertEquals("security", t.text());
        assertEquals(8, t.original(4)); // 'r'
        assertEquals(0, t.original(0));
        assertEquals(12, t.original(8)); // the end
    }

    @Test
    void keepsHyphensThatAreNoLineEndJoin() {
        // A capital after the break: a new word or heading, not the rest of one.
        assertEquals("North- South", NormalizedText.of("North-\nSouth").text());
        // No line break, or something other than blanks before it.
        assertEquals("well- known", NormalizedText.of("well- known").text());
        assertEquals("a- . b", NormalizedText.of("a- .\nb").text());
        assertEquals("data- rity", NormalizedText.of("data- \u00A0\nrity").text());
        // A no-break space after the break is no white space to skip.
        assertEquals("secu- rity", NormalizedText.of("secu-\n\u00A0rity").text());
        // Not after a letter: a list dash or a minus.
        assertEquals("1- a", NormalizedText.of("1-\na").text());
        assertEquals("-- x", NormalizedText.of("--\nx").text());
        // Nothing after the break.
        assertEquals("end- ", NormalizedText.of("end-\n").text());
    }

    @Test
    void foldsSpacesDropsSoftHyphensAndStraightensQuotes() {
        NormalizedText t = NormalizedText.of("  The\u00A0 \u2018Vendor\u2019\u00ADs\tright\u2007\n\u201Cnow\u201D ");
        assertEquals("The 'Vendor's right \"now\" ", t.text());
        assertEquals("the 'vendor's right \"now\" ", t.lower());
        assertEquals(2, t.original(0));
        assertEquals(t.text().length(), t.lower().length());
        // A soft hyphen between the break and the next word is kept from joining.
        assertEquals("secu- rity", NormalizedText.of("secu-\n\u00ADrity").text());
    }
}
