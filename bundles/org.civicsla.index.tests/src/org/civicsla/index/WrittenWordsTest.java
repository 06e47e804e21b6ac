package org.civicsla.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.TextField;
import org.junit.jupiter.api.Test;

class WrittenWordsTest {

    private static final String TEXT = "12.3 The Supplier's LIABILITY under this Agreement shall not exceed the fees "
            + "paid in the twelve (12) months preceding the claim; indemnification obligations survive its termination. "
            + "x".repeat(300) + " Party’s O'Neil e-mail co-operation 3.5% USD 1,000,000, it's as it was";

    /** Term, offsets and position increment of each token, then the final offset and increment. */
    private static List<String> tokens(TokenStream stream) throws Exception {
        List<String> tokens = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
        PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            tokens.add(term + "@" + offset.startOffset() + "-" + offset.endOffset() + "+" + increment.getPositionIncrement());
        }
        stream.end();
        tokens.add("end@" + offset.endOffset() + "+" + increment.getPositionIncrement());
        stream.close();
        return tokens;
    }

    private static List<String> terms(TokenStream stream) throws Exception {
        List<String> terms = new ArrayList<>();
        CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
            terms.add(term.toString());
        }
        stream.end();
        stream.close();
        return terms;
    }

    @Test
    void stemsAreTheEnglishAnalyzersAndTheWordsNotedAreThoseItChanges() throws Exception {
        try (Analyzer english = new EnglishAnalyzer(); Analyzer plain = new StandardAnalyzer();
                Analyzer stems = WrittenWords.stems()) {
            assertEquals(tokens(english.tokenStream("text", TEXT)), tokens(stems.tokenStream("text", TEXT)));

            List<String> changed = new ArrayList<>();
            for (String word : terms(plain.tokenStream("text", TEXT))) {
                List<String> stem = terms(english.tokenStream("text", word));
                // Stop words have no stem: the stems leave them out, and so do the words noted.
                if (!stem.isEmpty() && !stem.equals(List.of(word))) {
                    changed.add(word);
                }
            }
            terms(stems.tokenStream("text", TEXT));
            List<String> noted = terms(WrittenWords.field("exact", TextField.TYPE_NOT_STORED).tokenStream(null, null));
            assertEquals(changed, noted);
            assertEquals(List.of("supplier's", "liability", "exceed", "fees", "twelve", "months", "preceding",
                    "indemnification", "obligations", "survive", "its", "termination", "party’s", "operation"), noted);
        }
    }
}
