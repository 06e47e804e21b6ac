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
 * the whole text for each of some two hundred anchors.) ASCII moves are a table; other characters,
 * rare in anchors, follow failure links.
 */
final class Anchors {

    private static final int ASCII = 128;

    private final int types;
    private final boolean[] anchored;
    /** ASCII moves of the automaton, node * ASCII + char: the next node, failures resolved. */
    private final int[] ascii;
    private final List<Map<Character, Integer>> other = new ArrayList<>();
    private final int[] fail;
    /** Per node, the anchors ending there (own and by failure link): pairs of type index and length. */
    private final int[][] outputs;

    Anchors(List<ClauseType> typeList) {
        types = typeList.size();
        anchored = new boolean[types];
        List<int[]> asciiMoves = new ArrayList<>();
        List<List<int[]>> out = new ArrayList<>();
        asciiMoves.add(newRow());
        other.add(new HashMap<>());
        out.add(new ArrayList<>());
        for (int t = 0; t < types; t++) {
            for (String anchor : typeList.get(t).anchors()) {
                anchored[t] = true;
                int node = 0;
                for (char c : anchor.toCharArray()) {
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
                out.get(node).add(new int[] { t, anchor.length() });
            }
        }
        int nodes = asciiMoves.size();
        fail = new int[nodes];
        ascii = new int[nodes * ASCII];
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
     * For each type, which sentences hold one of its anchors; null for a type without anchors (it
     * looks at every sentence).
     */
    boolean[][] candidates(String text, int[] sentences) {
        boolean[][] candidates = new boolean[types][];
        for (int t = 0; t < types; t++) {
            candidates[t] = anchored[t] ? new boolean[sentences.length] : null;
        }
        int node = 0;
        int sentence = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            node = c < ASCII ? ascii[node * ASCII + c] : otherMove(node, c);
            int[] found = outputs[node];
            if (found.length == 0) {
                continue;
            }
            while (sentence + 1 < sentences.length && sentences[sentence + 1] <= i) {
                sentence++;
            }
            for (int k = 0; k < found.length; k += 2) {
                int start = i - found[k + 1] + 1;
                int s = start >= sentences[sentence] ? sentence : Sentences.indexOf(sentences, start);
                candidates[found[k]][s] = true;
            }
        }
        return candidates;
    }
}
