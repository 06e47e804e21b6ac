package org.civicsla.index.clauses;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All anchors of all types of a taxonomy in one Aho-Corasick automaton, so one pass over a document
 * finds which sentences each type should look at. (One {@code indexOf} pass per anchor costs a scan of
 * the whole text for each of some two hundred anchors.) The same pass finds where each pattern with
 * literal openings ({@link FastPattern#literals}) can start, so that pattern is tried only there.
 * ASCII moves are a table; other characters, rare in anchors, follow failure links.
 */
final class Anchors {

    private static final int ASCII = 128;

    private final int types;
    private final boolean[] anchored;
    /**
     * ASCII moves of the automaton, {@code node * symbols + symbol[char]}: the next node, failures resolved,
     * shifted left by one, the low bit set when strings end there. Characters no string holds share symbol 0
     * (back to the root), so a row is a few dozen entries instead of 128 and the table stays in the CPU's
     * cache; the low bit spares a look at the node's outputs for nearly every character.
     */
    private final int[] moves;
    private final int symbols;
    private final int[] symbol = new int[ASCII];
    private final List<Map<Character, Integer>> other = new ArrayList<>();
    /** Whether any string holds a non-ASCII character; when none does, such a character sends every node to the root. */
    private final boolean anyOther;
    private final int[] fail;
    /**
     * Per node, the strings ending there (own and by failure link): pairs of a code and the length; the
     * code is a type index for a type's anchor, {@code types + g} for an opening of pattern g.
     */
    private final int[][] outputs;
    /** Global index of each type's first pattern: type t's pattern p is {@code patternBase[t] + p}. */
    private final int[] patternBase;
    private final int patterns;

    /** What one pass found: per type the sentences to look at, per pattern where it may start. */
    record Found(boolean[][] sentences, int[][] starts, int[] counts) {
    }

    Anchors(List<ClauseType> typeList, List<FastPattern[]> fast) {
        types = typeList.size();
        patternBase = new int[types];
        anchored = new boolean[types];
        List<int[]> asciiMoves = new ArrayList<>();
        List<List<int[]>> out = new ArrayList<>();
        asciiMoves.add(newRow());
        other.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (int t = 0; t < types; t++) {
            for (String anchor : typeList.get(t).anchors()) {
                anchored[t] = true;
                int node = add(anchor, asciiMoves, out);
                out.get(node).add(new int[] { t, anchor.length() });
            }
        }
        int g = 0;
        for (int t = 0; t < types; t++) {
            patternBase[t] = g;
            for (FastPattern pattern : fast.get(t)) {
                for (String literal : pattern.literals() == null ? List.<String>of() : pattern.literals()) {
                    int node = add(literal, asciiMoves, out);
                    out.get(node).add(new int[] { types + g, literal.length() });
                }
                g++;
            }
        }
        patterns = g;
        anyOther = other.stream().anyMatch(row -> !row.isEmpty());
        int nodes = asciiMoves.size();
        fail = new int[nodes];
        int[] ascii = new int[nodes * ASCII];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ASCII; c++) {
            int next = asciiMoves.get(0)[c];
            ascii[c] = Math.max(next, 0);
            if (next > 0) {
                queue.add(next);
            }
        }
        other.get(0).values().forEach(queue::add);
        // Breadth first: a node's failure link is set before its children need it.
        while (!queue.isEmpty()) {
            int node = queue.poll();
            out.get(node).addAll(out.get(fail[node]));
            for (int c = 0; c < ASCII; c++) {
                int next = asciiMoves.get(node)[c];
                if (next > 0) {
                    fail[next] = ascii[fail[node] * ASCII + c];
                    queue.add(next);
                    ascii[node * ASCII + c] = next;
                } else {
                    ascii[node * ASCII + c] = ascii[fail[node] * ASCII + c];
                }
            }
            for (Map.Entry<Character, Integer> e : other.get(node).entrySet()) {
                fail[e.getValue()] = otherMove(fail[node], e.getKey());
                queue.add(e.getValue());
            }
        }
        outputs = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            outputs[n] = out.get(n).stream().flatMapToInt(Arrays::stream).toArray();
        }
        int used = 1;
        for (int c = 0; c < ASCII; c++) {
            for (int[] row : asciiMoves) {
                if (row[c] >= 0) {
                    symbol[c] = used++;
                    break;
                }
            }
        }
        symbols = used;
        moves = new int[nodes * symbols];
        for (int node = 0; node < nodes; node++) {
            for (int c = 0; c < ASCII; c++) {
                if (symbol[c] > 0) {
                    moves[node * symbols + symbol[c]] = encode(ascii[node * ASCII + c]);
                }
            }
            moves[node * symbols] = encode(0);
        }
    }

    private int encode(int node) {
        return node << 1 | (outputs[node].length > 0 ? 1 : 0);
    }

    /** Adds a string to the trie; the node where it ends. */
    private int add(String string, List<int[]> asciiMoves, List<List<int[]>> out) {
        int node = 0;
        for (char c : string.toCharArray()) {
            int next = c < ASCII ? asciiMoves.get(node)[c] : other.get(node).getOrDefault(c, -1);
            if (next < 0) {
                next = asciiMoves.size();
                asciiMoves.add(newRow());
                other.add(new HashMap<>());
                out.add(new ArrayList<>());
                if (c < ASCII) {
                    asciiMoves.get(node)[c] = next;
                } else {
                    other.get(node).put(c, next);
                }
            }
            node = next;
        }
        return node;
    }

    int patternBase(int type) {
        return patternBase[type];
    }

    private static int[] newRow() {
        int[] row = new int[ASCII];
        Arrays.fill(row, -1);
        return row;
    }

    /** The move on a non-ASCII character (the root's own moves included). */
    private int otherMove(int node, char c) {
        while (true) {
            Integer next = other.get(node).get(c);
            if (next != null) {
                return next;
            }
            if (node == 0) {
                return 0;
            }
            node = fail[node];
        }
    }

    /**
     * For each type, which sentences hold one of its anchors (null for a type without anchors: it
     * looks at every sentence), and for each pattern with literal openings, where they start, ascending.
     */
    Found find(String text, int[] sentences) {
        return find(text.toCharArray(), text.length(), sentences);
    }

    /** The same over the first {@code n} characters of {@code text}. */
    Found find(char[] text, int n, int[] sentences) {
        boolean[][] candidates = new boolean[types][];
        for (int t = 0; t < types; t++) {
            candidates[t] = anchored[t] ? new boolean[sentences.length] : null;
        }
        int[][] starts = new int[patterns][];
        int[] counts = new int[patterns];
        int node = 0;
        int sentence = 0;
        for (int i = 0; i < n; i++) {
            char c = text[i];
            int move;
            if (c < ASCII) {
                move = moves[node * symbols + symbol[c]];
            } else {
                // Without non-ASCII strings, a dash or section sign costs no map lookups up the failure links.
                move = encode(anyOther ? otherMove(node, c) : 0);
            }
            node = move >>> 1;
            if ((move & 1) == 0) {
                continue;
            }
            int[] found = outputs[node];
            while (sentence + 1 < sentences.length && sentences[sentence + 1] <= i) {
                sentence++;
            }
            for (int k = 0; k < found.length; k += 2) {
                int start = i - found[k + 1] + 1;
                int code = found[k];
                if (code < types) {
                    int s = start >= sentences[sentence] ? sentence : Sentences.indexOf(sentences, start);
                    candidates[code][s] = true;
                } else {
                    int g = code - types;
                    if (starts[g] == null) {
                        starts[g] = new int[8];
                    } else if (counts[g] == starts[g].length) {
                        starts[g] = Arrays.copyOf(starts[g], counts[g] * 2);
                    }
                    // Found by where they end: a longer opening that starts earlier may come after a shorter one
                    // that ends first. Slid into place, so the starts stay ascending without a sort of each array.
                    int[] at = starts[g];
                    int j = counts[g]++;
                    while (j > 0 && at[j - 1] > start) {
                        at[j] = at[j - 1];
                        j--;
                    }
                    at[j] = start;
                }
            }
        }
        return new Found(candidates, starts, counts);
    }
}
