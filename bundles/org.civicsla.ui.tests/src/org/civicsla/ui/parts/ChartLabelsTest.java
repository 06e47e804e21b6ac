package org.civicsla.ui.parts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The devices chart's labels where there is no room for all: none overlap, and the bars with devices are named. */
class ChartLabelsTest {

    /** 30 quarters 30 pixels apart, each label 52 pixels wide ("2027 Q1") on one line: room for about one in two. */
    private static List<ChartLabels.Text> quarters(int... withDevices) {
        List<ChartLabels.Text> texts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            final int bar = i;
            boolean devices = java.util.Arrays.stream(withDevices).anyMatch(d -> d == bar);
            texts.add(new ChartLabels.Text(40 + 30 * i, 200, 52, 15, devices ? 2 : i % 4 == 0 ? 1 : 0));
        }
        return texts;
    }

    @Test
    void noTwoLabelsDrawnTouch() {
        List<ChartLabels.Text> texts = quarters(3, 4, 9, 17);
        int[] lefts = ChartLabels.place(texts, 940);
        int lastRight = Integer.MIN_VALUE;
        for (int i = 0; i < texts.size(); i++) {
            if (lefts[i] >= 0) {
                assertTrue(lastRight + ChartLabels.GAP <= lefts[i], "label " + i + " touches the one before");
                lastRight = lefts[i] + texts.get(i).width();
            }
        }
    }

    @Test
    void aBarWithDevicesIsNamedBeforeTheEmptyOnesBesideIt() {
        // Drawing every other label named the empty quarter beside the tallest bar and left that bar unnamed.
        int[] lefts = ChartLabels.place(quarters(9, 17), 940);
        assertEquals(40 + 30 * 9 - 26, lefts[9], "centred under its bar");
        assertTrue(lefts[17] >= 0);
        assertTrue(lefts[8] < 0 && lefts[10] < 0 && lefts[16] < 0 && lefts[18] < 0, "their neighbours give way");
    }

    @Test
    void twoBarsWithDevicesSideBySideCannotBothBeNamedAndTheFirstIs() {
        int[] lefts = ChartLabels.place(quarters(3, 4), 940);
        assertTrue(lefts[3] >= 0);
        assertTrue(lefts[4] < 0);
    }

    @Test
    void anEmptyQuarterIsNotNamedUnderABarWithDevicesThatCouldNotBe() {
        // Bars 23 pixels apart, labels 55 wide. Bars 0, 1 and 2 have devices: 1 and 2 give way to 0. The empty first
        // quarter of a year beside them (3) would stand right under bar 2 and be read as its label: it is left out;
        // bar 4's label, clear of bar 2, is drawn.
        int[] priorities = { 2, 2, 2, 1, 0, 0 };
        List<ChartLabels.Text> texts = new ArrayList<>();
        for (int k = 0; k < priorities.length; k++) {
            texts.add(new ChartLabels.Text(100 + 23 * k, 200, 55, 15, priorities[k]));
        }
        int[] lefts = ChartLabels.place(texts, 1000);
        assertTrue(lefts[0] >= 0 && lefts[1] < 0 && lefts[2] < 0, java.util.Arrays.toString(lefts));
        assertTrue(lefts[3] < 0, "not under bar 2");
        assertTrue(lefts[4] >= 0, "clear of it");
    }

    @Test
    void theFirstBarsLabelWiderThanItsBarIsMovedInsideTheChart() {
        // The "ended" bar's label was left out: centred, it started left of the chart.
        int[] lefts = ChartLabels.place(List.of(new ChartLabels.Text(10, 200, 52, 15, 3),
                new ChartLabels.Text(990, 200, 40, 15, 0)), 1000);
        assertArrayEquals(new int[] { 0, 960 }, lefts);
    }

    @Test
    void countsOverBarsOfDifferentHeightsDoNotGetInEachOthersWay() {
        // Side by side, but the second bar's count stands 40 pixels lower: both are drawn.
        int[] lefts = ChartLabels.place(List.of(new ChartLabels.Text(100, 50, 30, 15, 426),
                new ChartLabels.Text(120, 90, 30, 15, 260), new ChartLabels.Text(130, 55, 30, 15, 24)), 1000);
        assertTrue(lefts[0] >= 0 && lefts[1] >= 0, "on other lines");
        assertTrue(lefts[2] < 0, "on the first one's line");
    }

    @Test
    void quartersAreSpelledWithTheirYear() {
        assertEquals("2027 Q3", ChartLabels.period("2027-Q3"));
        assertEquals("2027", ChartLabels.period("2027"));
        assertEquals("ended", ChartLabels.period("ended"));
    }
}
