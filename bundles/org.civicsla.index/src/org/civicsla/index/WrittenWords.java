package org.civicsla.index;

import java.io.IOException;
import java.util.Arrays;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;

/**
 * The passage text analysed once for two fields. {@link #stems()} is {@link EnglishAnalyzer}'s analysis (its
 * filters, after lowercasing: its possessive filter takes both cases alike), which notes on the way the
 * words as written (lowercased) whose stem differs from them; {@link #field} hands those to the index as a
 * second field, for wildcards and fuzzy words, since a stem ("termin") does not start as its words do
 * ("termination"). A word that is its own stem ("agreement") is among the stems already, and stop words are
 * left out as the stems leave them out; so the second field costs neither a second analysis nor much
 * indexing. The index writer inverts a document's fields in the order they were added, on one thread: the
 * second field, added after the text, gets the words its text was just found to have.
 */
final class WrittenWords {

    /** The words as written noted while this thread last analysed text with {@link #stems()}. */
    private static final ThreadLocal<Noted> NOTED = ThreadLocal.withInitial(Noted::new);

    private WrittenWords() {
    }

    /** {@link EnglishAnalyzer}'s terms, noting the words as written that are not their own stem. */
    static Analyzer stems() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                Before before = new Before(new LowerCaseFilter(source));
                TokenStream stems = new PorterStemFilter(
                        new StopFilter(new EnglishPossessiveFilter(before), EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
                return new TokenStreamComponents(source, new After(stems, before));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** A field of the words noted while the text field before it in the document was analysed. */
    static Field field(String name, FieldType type) {
        return new Field(name, type) {
            @Override
            public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
                Noted noted = NOTED.get();
                noted.next = 0;
                return noted;
            }
        };
    }

    /** The analyser of the words as written for queries and the highlighter: lowercased words. */
    static Analyzer written() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer source = new StandardTokenizer();
                return new TokenStreamComponents(source, new LowerCaseFilter(source));
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in) {
                return new LowerCaseFilter(in);
            }
        };
    }

    /** Keeps a copy of each lowercased word before the possessive, stop and stem filters see it. */
    private static final class Before extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        char[] word = new char[64];
        int length;
        int start;
        int end;

        Before(TokenStream input) {
            super(input);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (term.length() > word.length) {
                word = new char[term.length()];
            }
            System.arraycopy(term.buffer(), 0, word, 0, term.length());
            length = term.length();
            start = offset.startOffset();
            end = offset.endOffset();
            return true;
        }
    }

    /**
     * Notes the word a stem was made of where they differ. The stop filter pulls words until one is no stop
     * word, so the word {@link Before} copied last is the one this stem comes from.
     */
    private static final class After extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final Before before;
        private Noted noted;

        After(TokenStream input, Before before) {
            super(input);
            this.before = before;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            noted = NOTED.get();
            noted.clear();
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            if (!Arrays.equals(before.word, 0, before.length, term.buffer(), 0, term.length())) {
                noted.add(before.word, before.length, before.start, before.end);
            }
            return true;
        }
    }

    /** Words noted with their offsets, handed out again as a token stream. */
    private static final class Noted extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private char[] chars = new char[4096];
        private int[] ends = new int[512];
        private int[] starts = new int[512];
        private int[] stops = new int[512];
        private int count;
        int next;

        void clear() {
            count = 0;
            next = 0;
        }

        void add(char[] word, int length, int start, int end) {
            int used = count == 0 ? 0 : ends[count - 1];
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
                starts = Arrays.copyOf(starts, count * 2);
                stops = Arrays.copyOf(stops, count * 2);
            }
            starts[count] = start;
            stops[count] = end;
            if (used + length > chars.length) {
                chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + length));
            }
            System.arraycopy(word, 0, chars, used, length);
            ends[count++] = used + length;
        }

        @Override
        public boolean incrementToken() {
            if (next == count) {
                return false;
            }
            clearAttributes();
            int from = next == 0 ? 0 : ends[next - 1];
            term.copyBuffer(chars, from, ends[next] - from);
            offset.setOffset(starts[next], stops[next]);
            next++;
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
