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
     * A text to place: {@code centre} its bar's centre, {@code width} its width, {@code priority} how much it matters
     * (higher first; ties by position, left first).
     */
    record Text(int centre, int width, int priority) {

        int left() {
            return centre - width / 2;
        }

        int right() {
            return left() + width;
        }
    }

    /**
     * Which texts to draw: {@code drawn[i]} for {@code texts.get(i)}. A text is kept when it lies within {@code 0} to
     * {@code limit} and keeps {@link #GAP} from every text kept before it.
     */
    static boolean[] place(List<Text> texts, int limit) {
        boolean[] drawn = new boolean[texts.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingInt(i -> -texts.get(i).priority()).thenComparingInt(i -> i));
        List<Text> kept = new ArrayList<>();
        for (int i : order) {
            Text text = texts.get(i);
            if (text.left() < 0 || text.right() > limit) {
                continue;
            }
            boolean clear = kept.stream().allMatch(k -> text.right() + GAP <= k.left() || k.right() + GAP <= text.left());
            if (clear) {
                kept.add(text);
                drawn[i] = true;
            }
        }
        return drawn;
    }

    /**
     * A period as a person reads it under a bar: "2027", "2027 Q3" (the chart's data says "2027-Q3"); the bar of
     * support already ended keeps its own label.
     */
    static String period(String label) {
        return label.replace("-Q", " Q");
    }
}
