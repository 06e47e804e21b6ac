package org.civicsla.ui.parts;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which of a row of texts centred under (or over) bars can be drawn without touching one another: most
 * important first, each kept when it does not overlap one already kept. A bar chart of 30 quarters in a
 * narrow part has no room for every label; drawing every other one regardless ran them together and left the
 * tallest bars unnamed.
 */
final class ChartLabels {

    /** Space kept clear between two texts, in pixels. */
    static final int GAP = 6;

    private ChartLabels() {
    }

    /**
     * A text to place: {@code centre} its bar's centre, {@code top} the top of its line, {@code width} and
     * {@code height} its size, {@code priority} how much it matters (higher first; ties by position, left first).
     */
    record Text(int centre, int top, int width, int height, int priority) {
    }

    /**
     * Where to draw each text: {@code lefts[i]} the left edge of {@code texts.get(i)}, or -1 when it is left out. A
     * text stays centred on its bar, moved inside {@code 0} to {@code limit} where it would run off the chart (the
     * first bar's label is wider than its bar), and is kept when it keeps {@link #GAP} from every text kept before it
     * on the same lines (counts over bars of different heights stand on different lines) and does not stand over the
     * bar of a more important text left out.
     */
    static int[] place(List<Text> texts, int limit) {
        int[] lefts = new int[texts.size()];
        java.util.Arrays.fill(lefts, -1);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -texts.get(i).priority()).thenComparingInt(i -> i));
        List<Integer> kept = new ArrayList<>();
        // Texts left out, where a less important one must not stand either: an empty quarter's label right under a
        // bar whose own label found no room would be read as that bar's.
        List<Text> unnamed = new ArrayList<>();
        for (int i : order) {
            Text text = texts.get(i);
            if (text.width() > limit) {
                continue;
            }
            int left = Math.max(0, Math.min(text.centre() - text.width() / 2, limit - text.width()));
            boolean room = kept.stream().allMatch(k -> {
                Text other = texts.get(k);
                boolean apart = left + text.width() + GAP <= lefts[k] || lefts[k] + other.width() + GAP <= left;
                return apart || onOtherLines(text, other);
            });
            if (!room) {
                unnamed.add(text); // a text that wanted to be drawn here: what stands under its bar would be taken for it
            } else if (unnamed.stream().allMatch(other -> other.priority() == text.priority() || onOtherLines(text, other)
                    || other.centre() < left || other.centre() > left + text.width())) {
                kept.add(i);
                lefts[i] = left;
            }
        }
        return lefts;
    }

    private static boolean onOtherLines(Text a, Text b) {
        return a.top() + a.height() <= b.top() || b.top() + b.height() <= a.top();
    }

    /**
     * A period as a person reads it under a bar: "2027", "2027 Q3" (the chart's data says "2027-Q3"); the bar of
     * support already ended keeps its own label.
     */
    static String period(String label) {
        return label.replace("-Q", " Q");
    }
}
