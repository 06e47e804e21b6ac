package org.civicsla.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The devices chart's labels where there is no room for all: none overlap, and the bars with devices are named. */
class ChartLabelsTest {

    /** 30 quarters 30 pixels apart, each label 52 pixels wide ("2027 Q1"): room for about one in two. */
    private static List<ChartLabels.Text> quarters(int... withDevices) {
        List<ChartLabels.Text> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            final int bar = i;
            boolean devices = java.util.Arrays.stream(withDevices).anyMatch(d -> d == bar);
            texts.add(new ChartLabels.Text(20 + 30 * i, 52, devices ? 2 : i % 4 == 0 ? 1 : 0));
        }
        return texts;
    }

    @Test
    void noTwoLabelsDrawnTouch() {
        List<ChartLabels.Text> texts = quarters(3, 4, 9, 17);
        boolean[] drawn = ChartLabels.place(texts, 920);
        ChartLabels.Text last = null;
        for (int i = 0; i < texts.size(); i++) {
            if (drawn[i]) {
                assertTrue(last == null || last.right() + ChartLabels.GAP <= texts.get(i).left(), "label " + i + " touches the one before");
                last = texts.get(i);
            }
        }
    }

    @Test
    void aBarWithDevicesIsNamedBeforeTheEmptyOnesBesideIt() {
        // Drawing every other label named the empty quarter beside the tallest bar and left that bar unnamed.
        boolean[] drawn = ChartLabels.place(quarters(9, 17), 920);
        assertTrue(drawn[9] && drawn[17], "the bars with devices are named");
        assertFalse(drawn[8] || drawn[10] || drawn[16] || drawn[18], "their neighbours give way");
    }

    @Test
    void twoBarsWithDevicesSideBySideCannotBothBeNamedAndTheFirstIs() {
        boolean[] drawn = ChartLabels.place(quarters(3, 4), 920);
        assertTrue(drawn[3]);
        assertFalse(drawn[4]);
    }

    @Test
    void aLabelRunningOffTheChartIsLeftOut() {
        boolean[] drawn = ChartLabels.place(List.of(new ChartLabels.Text(10, 52, 2), new ChartLabels.Text(60, 40, 0)), 200);
        assertFalse(drawn[0], "it would start left of the chart");
        assertTrue(drawn[1]);
    }

    @Test
    void quartersAreSpelledWithTheirYear() {
        assertEquals("2027 Q3", ChartLabels.period("2027-Q3"));
        assertEquals("2027", ChartLabels.period("2027"));
        assertEquals("ended", ChartLabels.period("ended"));
    }
}
