package org.civicsla.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class PassageWordsTest {

    private static final String TEXT = "12.3 The Supplier's LIABILITY under this Agreement shall not exceed the fees "
            + "paid in the twelve (12) months preceding the claim; indemnification obligations survive its termination. "
            + "x".repeat(300) + " Party’s O'Neil e-mail co-operation 3.5% USD 1,000,000.";

    /** Term, offsets and position increment of each token, then the final offset. */
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

    @Test
    void stemmedWordsAreWhatTheEnglishAnalyzerMakesOfTheText() throws Exception {
        PassageWords words = new PassageWords();
        words.split("something else first, so buffers are reused");
        PassageWords.Words split = words.split(TEXT);
        try (EnglishAnalyzer english = new EnglishAnalyzer()) {
            assertEquals(tokens(english.tokenStream("text", TEXT)), tokens(words.stemmed(split)));
        }
        List<String> written = tokens(words.asWritten(split));
        assertEquals("12.3@0-4+1", written.get(0));
        assertEquals("the@5-8+1", written.get(1));
        assertEquals("supplier's@9-19+1", written.get(2));
        assertEquals("indemnification@129-144+1", written.get(21));
    }
}
