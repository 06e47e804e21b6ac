package org.civicsla.report;

import java.awt.Color;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.civicsla.core.check.Status;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.WorkspaceData;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Devices reaching end of support per year, drawn as a bar chart with the PDF's own vector graphics:
 * one bar for devices whose support has already ended, one per year from the as-of year on, the last
 * bar folding the far future. Each bar carries its count, so the chart reads without a scale too.
 */
final class SupportEndChart {

    /** At most this many year bars; later years fold into the last one ("2035+"). */
    private static final int MAX_YEARS = 12;
    /** At least this many year bars, so a chart of few devices still shows the years ahead. */
    private static final int MIN_YEARS = 7;

    private static final Color BAR = new Color(0x4A, 0x7B, 0xB7);
    private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

    /** One bar. */
    record Bar(String label, int devices) {
    }

    /** The bars and what does not fit in them. */
    record Counts(List<Bar> bars, int ended, int unknown) {
        int total() {
            return bars.stream().mapToInt(Bar::devices).sum() + unknown;
        }
    }

    private SupportEndChart() {
    }

    /**
     * Counts devices by the year the chosen milestone of their model falls in, as the Devices part's chart does
     * (core's SupportEndChart, so the report and the screen show the same figures); here with at least
     * {@value #MIN_YEARS} years and the far future folded into the last bar.
     */
    static Counts count(Collection<Device> devices, Map<String, DeviceModel> models, Milestone milestone,
            LocalDate asOf) {
        var chart = org.civicsla.core.lifecycle.SupportEndChart.of(new WorkspaceData(List.of(), List.of(), List.of(),
                List.copyOf(models.values()), List.copyOf(devices)), milestone,
                org.civicsla.core.lifecycle.SupportEndChart.Period.YEAR, org.civicsla.core.lifecycle.SupportEndChart.Split.NONE,
                1, asOf);
        int ended = 0;
        TreeMap<Integer, Integer> perYear = new TreeMap<>();
        for (var bar : chart.bars()) {
            if (bar.ended()) {
                ended = bar.total();
            } else {
                perYear.put(bar.start().getYear(), bar.total());
            }
        }
        List<Bar> bars = new ArrayList<>();
        bars.add(new Bar("ended", ended));
        int first = asOf.getYear();
        int last = Math.max(first + MIN_YEARS - 1, perYear.isEmpty() ? first : perYear.lastKey());
        int foldFrom = last - first + 1 > MAX_YEARS ? first + MAX_YEARS - 1 : Integer.MAX_VALUE;
        for (int year = first; year <= last && year < foldFrom; year++) {
            bars.add(new Bar(Integer.toString(year), perYear.getOrDefault(year, 0)));
        }
        if (foldFrom != Integer.MAX_VALUE) {
            bars.add(new Bar(foldFrom + "+", perYear.tailMap(foldFrom).values().stream().mapToInt(Integer::intValue).sum()));
        }
        return new Counts(List.copyOf(bars), ended, chart.unknown());
    }

    /** Draws the bars into an image as wide as {@code width} points. */
    static Image draw(PdfWriter writer, Fonts fonts, Counts counts, float width) {
        float height = 230;
        float left = 42;
        float bottom = 34;
        float top = 16;
        float plotHeight = height - bottom - top;
        List<Bar> bars = counts.bars();
        int max = Math.max(1, bars.stream().mapToInt(Bar::devices).max().orElse(1));
        int step = niceStep(max);
        int scaleMax = (max + step - 1) / step * step;

        PdfTemplate canvas = writer.getDirectContent().createTemplate(width, height);
        // Grid lines and the scale on the left.
        canvas.setLineWidth(0.5f);
        for (int value = 0; value <= scaleMax; value += step) {
            float y = bottom + plotHeight * value / scaleMax;
            canvas.setColorStroke(value == 0 ? Color.GRAY : GRID);
            canvas.moveTo(left, y);
            canvas.lineTo(width, y);
            canvas.stroke();
            text(canvas, fonts, Integer.toString(value), left - 4, y - 3, 7, Element.ALIGN_RIGHT);
        }
        float slot = (width - left) / bars.size();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            float barHeight = plotHeight * bar.devices() / scaleMax;
            float x = left + i * slot + slot * 0.15f;
            float centre = left + i * slot + slot / 2;
            if (bar.devices() > 0) {
                canvas.setColorFill(i == 0 ? StatusColors.strong(Status.FAIL) : BAR);
                canvas.rectangle(x, bottom, slot * 0.7f, barHeight);
                canvas.fill();
            }
            text(canvas, fonts, bar.label(), centre, bottom - 12, 8, Element.ALIGN_CENTER);
            text(canvas, fonts, Integer.toString(bar.devices()), centre, bottom + barHeight + 3, 8, Element.ALIGN_CENTER);
        }
        text(canvas, fonts, "devices", 0, height - 8, 7, Element.ALIGN_LEFT);
        text(canvas, fonts, "year support ends", left + (width - left) / 2, 2, 7, Element.ALIGN_CENTER);
        Image image = Image.getInstance(canvas);
        image.setAlignment(Element.ALIGN_CENTER);
        image.setSpacingBefore(12);
        image.setSpacingAfter(12);
        image.setAlt("Bar chart of devices reaching end of support per year");
        return image;
    }

    /** A step of 1, 2 or 5 times a power of ten that gives at most five grid lines. */
    private static int niceStep(int max) {
        int step = 1;
        while (true) {
            for (int factor : new int[] { 1, 2, 5 }) {
                if (max / (step * factor) < 5) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    private static void text(PdfContentByte canvas, Fonts fonts, String text, float x, float y, float size, int align) {
        canvas.beginText();
        canvas.setColorFill(Color.DARK_GRAY);
        canvas.setFontAndSize(fonts.regular, size);
        canvas.showTextAligned(align, text, x, y, 0);
        canvas.endText();
    }
}
