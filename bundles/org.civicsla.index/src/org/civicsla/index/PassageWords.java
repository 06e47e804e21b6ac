package org.civicsla.index;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits a passage into lowercased words once, for both of its indexed fields: the stemmed text (the
 * words through {@link EnglishAnalyzer}'s filters, which give the same terms as that analyzer, whose
 * possessive filter takes upper and lower case alike) and the words as written. Splitting is most of
 * the analysis; doing it once per passage instead of once per field saves a second pass of the tokenizer.
 * One instance per thread: it reuses its tokenizer and buffers; the words it returns are its own copies.
 */
final class PassageWords {

    private final StandardTokenizer tokenizer = new StandardTokenizer();
    private final TokenStream lowercased = new LowerCaseFilter(tokenizer);
    private final CharTermAttribute term = lowercased.addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = lowercased.addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute increment = lowercased.addAttribute(PositionIncrementAttribute.class);

    /** Buffers of the passage being split, grown as needed and reused. */
    private char[] chars = new char[4096];
    private int[] ends = new int[512];
    private int[] starts = new int[512];
    private int[] stops = new int[512];
    private int[] increments = new int[512];

    /** Token streams of this thread, reused from passage to passage as an analyzer reuses its own. */
    private final Replay stemmedWords = new Replay();
    private final TokenStream stemmed = new PorterStemFilter(
            new StopFilter(new EnglishPossessiveFilter(stemmedWords), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    private final Replay writtenWords = new Replay();

    /**
     * The words of one passage: characters of word i at {@code [ends[i-1], ends[i])} of {@code chars}, its
     * offsets in the passage and position increment; {@code length} is the passage's length.
     */
    record Words(char[] chars, int[] ends, int[] starts, int[] stops, int[] increments, int length) {
    }

    /** {@code words} stemmed as {@link EnglishAnalyzer} stems them; valid until this method is called again. */
    TokenStream stemmed(Words words) {
        stemmedWords.words = words;
        return stemmed;
    }

    /** {@code words} as written (lowercased); valid until this method is called again. */
    TokenStream asWritten(Words words) {
        writtenWords.words = words;
        return writtenWords;
    }

    /**
     * A field of a passage's words, which it hands to the index writer through the thread's reused streams
     * when the writer asks for them, not when the document is made.
     */
    static final class WordsField extends org.apache.lucene.document.Field {
        private final ThreadLocal<PassageWords> streams;
        private final Words words;
        private final boolean stem;

        WordsField(String name, Words words, boolean stem, org.apache.lucene.document.FieldType type,
                ThreadLocal<PassageWords> streams) {
            super(name, type);
            this.words = words;
            this.stem = stem;
            this.streams = streams;
        }

        @Override
        public TokenStream tokenStream(org.apache.lucene.analysis.Analyzer analyzer, TokenStream reuse) {
            return stem ? streams.get().stemmed(words) : streams.get().asWritten(words);
        }
    }

    /** Splits {@code text} into lowercased words. */
    Words split(String text) {
        int count = 0;
        int used = 0;
        try {
            tokenizer.setReader(new StringReader(text));
            lowercased.reset();
            while (lowercased.incrementToken()) {
                if (count == ends.length) {
                    int grown = count * 2;
                    ends = Arrays.copyOf(ends, grown);
                    starts = Arrays.copyOf(starts, grown);
                    stops = Arrays.copyOf(stops, grown);
                    increments = Arrays.copyOf(increments, grown);
                }
                if (used + term.length() > chars.length) {
                    chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + term.length()));
                }
                System.arraycopy(term.buffer(), 0, chars, used, term.length());
                used += term.length();
                ends[count] = used;
                starts[count] = offset.startOffset();
                stops[count] = offset.endOffset();
                increments[count] = increment.getPositionIncrement();
                count++;
            }
            lowercased.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot split text held in memory", e);
        } finally {
            try {
                lowercased.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Words(Arrays.copyOf(chars, used), Arrays.copyOf(ends, count), Arrays.copyOf(starts, count),
                Arrays.copyOf(stops, count), Arrays.copyOf(increments, count), text.length());
    }

    /** Hands out the words of a passage as a token stream. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private Words words;
        private int next;

        @Override
        public boolean incrementToken() {
            if (next == words.ends().length) {
                return false;
            }
            clearAttributes();
            int from = next == 0 ? 0 : words.ends()[next - 1];
            term.copyBuffer(words.chars(), from, words.ends()[next] - from);
            offset.setOffset(words.starts()[next], words.stops()[next]);
            increment.setPositionIncrement(words.increments()[next]);
            next++;
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(words.length(), words.length());
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
