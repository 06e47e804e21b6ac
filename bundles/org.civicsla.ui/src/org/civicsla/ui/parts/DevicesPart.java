package org.civicsla.ui.parts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.civicsla.core.lifecycle.PlanYear;
import org.civicsla.core.lifecycle.ReplacementPlan;
import org.civicsla.core.lifecycle.SupportEndChart;
import org.civicsla.core.lifecycle.SupportState;
import org.civicsla.core.lifecycle.SupportStatus;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.ui.ChecksModel;
import org.civicsla.ui.ProfilePreferences;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Devices and their life cycle for asset managers: per device model the support end by the profile's
 * milestone and its status within the planning horizon, a chart of devices reaching that end per year
 * or quarter (all devices, or split by model or district), and the replacement plan per year with its cost.
 * Table sort orders and the chart's choices are kept with the window layout.
 */
public final class DevicesPart {

    @Inject
    private WorkspaceModel workspaces;

    /** Whose date the devices are counted as of: the checklist's, so the two screens agree on what is unsupported. */
    @Inject
    private ChecksModel checks;

    @Inject
    private org.eclipse.e4.ui.model.application.ui.basic.MPart part;

    static final String CHART_PERIOD = "chart.period";
    static final String CHART_SPLIT = "chart.split";
    /**
     * Colours of the chart's groups, in group order; the last one also serves "other". Ten: with six, a city of eight
     * districts had three of them folded into "other", its largest segment.
     */
    private static final org.eclipse.swt.graphics.RGB[] PALETTE = {
            new org.eclipse.swt.graphics.RGB(0x1F, 0x4E, 0x79), new org.eclipse.swt.graphics.RGB(0xE0, 0x7B, 0x39),
            new org.eclipse.swt.graphics.RGB(0x3C, 0x8D, 0x5A), new org.eclipse.swt.graphics.RGB(0x9B, 0x59, 0xB6),
            new org.eclipse.swt.graphics.RGB(0x8C, 0x56, 0x4B), new org.eclipse.swt.graphics.RGB(0x17, 0xBE, 0xCF),
            new org.eclipse.swt.graphics.RGB(0xBC, 0xBD, 0x22), new org.eclipse.swt.graphics.RGB(0xE3, 0x77, 0xC2),
            new org.eclipse.swt.graphics.RGB(0xC0, 0x39, 0x2B), new org.eclipse.swt.graphics.RGB(0x95, 0xA5, 0xA6) };

    private Composite body;
    private Label summary;
    private Table models;
    private Canvas chart;
    private Table plan;
    private SupportEndChart shownChart;
    private Combo period;
    private Combo split;
    private TableSort modelsSort;
    private TableSort planSort;

    @PostConstruct
    void create(Composite parent) {
        body = parent;
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        summary = new Label(parent, SWT.WRAP);
        summary.setData(VendorsPart.TEST_ID, "devices.summary");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        SashForm split = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        models = new Table(split, SWT.BORDER | SWT.FULL_SELECTION);
        models.setHeaderVisible(true);
        models.setLinesVisible(true);
        models.setData(VendorsPart.TEST_ID, "devices.models");
        for (String[] column : new String[][] { { "Model", "220" }, { "Vendor", "170" }, { "Devices", "70" },
                { "Security updates end", "100" }, { "Status", "150" }, { "Source", "260" } }) {
            TableColumn c = new TableColumn(models, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(atLeastTitle(c, Integer.parseInt(column[1])));
        }
        // Titled by the profile's milestone when shown (see show()); the sort kept with the layout names it one way.
        models.getColumn(3).setData(TableSort.NAME, "Support ends");
        modelsSort = new TableSort(models, part.getPersistedState(), "models", "Support ends", this::show);
        modelsSort.attach();
        SashForm bottom = new SashForm(split, SWT.HORIZONTAL);
        Composite chartArea = new Composite(bottom, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(chartArea);
        new Label(chartArea, SWT.NONE).setText("Per:");
        period = choice(chartArea, "devices.chart.period", CHART_PERIOD, "year", "year", "quarter");
        new Label(chartArea, SWT.NONE).setText("By:");
        this.split = choice(chartArea, "devices.chart.split", CHART_SPLIT, "all devices", "all devices", "model", "district");
        chart = new Canvas(chartArea, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        chart.setData(VendorsPart.TEST_ID, "devices.chart");
        GridDataFactory.fillDefaults().grab(true, true).span(4, 1).applyTo(chart);
        chart.addPaintListener(e -> paint(e.gc, chart.getClientArea()));
        plan = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION);
        plan.setHeaderVisible(true);
        plan.setLinesVisible(true);
        plan.setData(VendorsPart.TEST_ID, "devices.plan");
        for (String[] column : new String[][] { { "Year", "60" }, { "Devices to replace", "130" }, { "Cost", "120" } }) {
            TableColumn c = new TableColumn(plan, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(atLeastTitle(c, Integer.parseInt(column[1])));
        }
        planSort = new TableSort(plan, part.getPersistedState(), "plan", "Year", this::show);
        planSort.attach();
        bottom.setWeights(3, 2);
        // Half for the models, half for the chart and plan: with less, the chart had no room for its bars in the
        // window's default layout.
        split.setWeights(1, 1);
        show();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String folder) {
        if (body != null && !body.isDisposed()) {
            show();
        }
    }

    /**
     * The checks ran: as of another date, or after the preferences changed the milestone or the horizon (which the
     * preferences dialog has them run again for). The chart's title reads the milestone afresh when it is painted, so
     * without this the title and the bars could tell different milestones.
     */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void checked(@UIEventTopic(ChecksModel.TOPIC_CHECKED) String date) {
        if (body != null && !body.isDisposed()) {
            show();
        }
    }

    private void show() {
        models.removeAll();
        plan.removeAll();
        WorkspaceData data = workspaces.current().map(WorkspaceModel.Opened::data).orElse(WorkspaceData.EMPTY);
        var profile = ProfilePreferences.load();
        Milestone milestone = profile.milestone();
        // The date of the checklist shown: its last finished run's (a run for another date may have been cancelled).
        LocalDate today = checks.latest().map(result -> result.run().asOf()).orElseGet(checks::asOf);
        Map<String, Long> counts = data.devices().stream().collect(Collectors.groupingBy(Device::modelId, Collectors.counting()));
        Map<String, String> vendors = data.vendors().stream().collect(Collectors.toMap(Vendor::id, Vendor::name));
        models.getColumn(3).setText(milestone == Milestone.END_OF_SUPPORT ? "Support ends" : "Security updates end");
        long unknown = 0;
        long unsupported = 0;
        List<String[]> rows = new ArrayList<>();
        for (DeviceModel model : data.deviceModels()) {
            long devices = counts.getOrDefault(model.id(), 0L);
            Optional<LocalDate> end = SupportStatus.supportEnd(model, milestone);
            SupportState state = SupportStatus.of(model, milestone, today, profile.planningHorizonMonths());
            rows.add(new String[] { model.model(), vendors.getOrDefault(model.vendorId(), model.vendorId()),
                    Long.toString(devices), end.map(LocalDate::toString).orElse("unknown"),
                    state.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    (milestone == Milestone.END_OF_SUPPORT ? model.endOfSupport() : model.endOfSecurityUpdates()).source() });
            if (state == SupportState.UNSUPPORTED) {
                unsupported += devices;
            } else if (state == SupportState.UNKNOWN) {
                unknown += devices;
            }
        }
        rows.sort(modelsSort.order());
        rows.forEach(row -> new TableItem(models, SWT.NONE).setText(row));
        modelsSort.attach();
        BigDecimal total = BigDecimal.ZERO;
        List<String[]> years = new ArrayList<>();
        for (PlanYear year : ReplacementPlan.perYear(data, milestone, today)) {
            years.add(new String[] { Integer.toString(year.year()), Integer.toString(year.devices()),
                    String.format("%,.2f", year.cost()) });
            total = total.add(year.cost());
        }
        years.sort(planSort.order());
        years.forEach(row -> new TableItem(plan, SWT.NONE).setText(row));
        planSort.attach();
        shownChart = SupportEndChart.of(data, milestone,
                period.getSelectionIndex() == 1 ? SupportEndChart.Period.QUARTER : SupportEndChart.Period.YEAR,
                switch (split.getSelectionIndex()) {
                    case 1 -> SupportEndChart.Split.MODEL;
                    case 2 -> SupportEndChart.Split.DISTRICT;
                    default -> SupportEndChart.Split.NONE;
                }, PALETTE.length, today);
        // An empty workspace says where devices come from, not "0 devices ... 0.00 in total" over an empty chart.
        summary.setText(data.devices().isEmpty() ? "No devices in this workspace yet. File > Import... reads device models"
                + " and devices from a workbook (XLSX) or CSV files, with their end-of-support dates."
                : String.format("%,d devices of %d models. As of %s, by %s: %,d already unsupported, %,d with unknown"
                        + " dates. Replacement plan: %s in total.", data.devices().size(), data.deviceModels().size(), today,
                        milestone == Milestone.END_OF_SUPPORT ? "end of support" : "end of security updates", unsupported,
                        unknown, String.format("%,.2f", total)));
        body.layout(true, true);
        chart.redraw();
    }

    /** A read-only choice whose selection is kept in the part's persisted state. */
    private Combo choice(Composite parent, String testId, String stateKey, String fallback, String... items) {
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        combo.setItems(items);
        combo.setData(VendorsPart.TEST_ID, testId);
        int chosen = java.util.Arrays.asList(items).indexOf(part.getPersistedState().getOrDefault(stateKey, fallback));
        combo.select(Math.max(0, chosen));
        combo.addListener(SWT.Selection, e -> {
            part.getPersistedState().put(stateKey, combo.getText());
            show();
        });
        return combo;
    }

    /** The chart shown, for tests and the screenshot script. */
    public Optional<SupportEndChart> chart() {
        return Optional.ofNullable(shownChart);
    }

    /** Stacked bars: devices whose support ends in each period, one colour per group, with a legend. */
    private void paint(GC gc, Rectangle area) {
        gc.setBackground(chart.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        SupportEndChart data = shownChart;
        String title = "Devices reaching " + (ProfilePreferences.load().milestone() == Milestone.END_OF_SUPPORT
                ? "end of support" : "end of security updates") + " per " + (data != null && data.period() == SupportEndChart.Period.QUARTER
                ? "quarter" : "year") + (data != null && data.unknown() > 0 ? " (" + data.unknown() + " unknown)" : "");
        gc.drawText(title, 8, 4, true);
        if (data == null || data.bars().isEmpty()) {
            return;
        }
        int textHeight = gc.textExtent("0").y;
        // The legend under the title, when the bars are split, on as many lines as the width needs: model names
        // are long, and a legend running off the chart leaves bars nobody can name.
        int legendY = 8 + textHeight;
        int x0 = 8;
        if (data.groups().size() > 1) {
            // As many legend lines as leave the bars three lines of height: in the window's default layout a legend
            // of long model names took all of it, and no bar was drawn until the part was maximized.
            int lines = Math.max(1, (area.height - legendY - (textHeight + 4) - (textHeight + 6) - 3 * textHeight)
                    / (textHeight + 2));
            int line = 1;
            for (int g = 0; g < data.groups().size(); g++) {
                int width = 24 + gc.textExtent(data.groups().get(g)).x;
                String more = "+" + (data.groups().size() - g) + " more (a taller chart shows them)";
                boolean last = line == lines;
                if (x0 > 8 && x0 + width > area.width - 8 || last && g < data.groups().size() - 1
                        && x0 + width + gc.textExtent(more).x > area.width - 8) {
                    if (last) {
                        gc.drawText(more, x0, legendY, true);
                        break;
                    }
                    x0 = 8;
                    legendY += textHeight + 2;
                    line++;
                }
                gc.setBackground(colour(g, data.groups()));
                gc.fillRectangle(x0, legendY + 2, 10, 10);
                gc.drawText(data.groups().get(g), x0 + 14, legendY, true);
                x0 += width;
            }
        }
        int max = data.bars().stream().mapToInt(SupportEndChart.Bar::total).max().orElse(1);
        // Below the legend's last line (or the title), a line for the totals over the bars.
        int top = (data.groups().size() > 1 ? legendY + textHeight : legendY) + textHeight + 4;
        int bottom = area.height - textHeight - 6;
        if (bottom - top < textHeight) {
            gc.drawText("(Make the chart taller to see the bars: drag the divider above it.)", 8, legendY + textHeight + 2, true);
            return;
        }
        int slot = Math.max(1, (area.width - 16) / data.bars().size());
        List<ChartLabels.Text> labels = new ArrayList<>();
        List<ChartLabels.Text> totals = new ArrayList<>();
        int[] tops = new int[data.bars().size()];
        for (int i = 0; i < data.bars().size(); i++) {
            SupportEndChart.Bar bar = data.bars().get(i);
            int x = 8 + i * slot + slot / 6;
            int width = Math.max(2, slot * 2 / 3);
            int y = bottom;
            for (int g = 0; g < bar.counts().size(); g++) {
                int height = (int) ((long) (bottom - top) * bar.counts().get(g) / Math.max(1, max));
                // Unsplit, the bar of support already ended is red: those devices are unsupported now.
                gc.setBackground(data.groups().size() == 1 && bar.ended()
                        ? chart.getDisplay().getSystemColor(SWT.COLOR_RED) : colour(g, data.groups()));
                gc.fillRectangle(x, y - height, width, height);
                y -= height;
            }
            if (data.groups().size() > 1 && bar.ended() && y < bottom) {
                // Split, its segments take their groups' colours: a red frame still says these devices are unsupported.
                gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_RED));
                gc.setLineWidth(2);
                gc.drawRectangle(x - 1, y - 1, width + 1, bottom - y + 1);
                gc.setLineWidth(1);
                gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
            }
            tops[i] = y;
            int centre = x + width / 2;
            // Where not every period can be named: the ended bar, then the bars with devices, then each year's start.
            labels.add(new ChartLabels.Text(centre, bottom + 2, gc.textExtent(ChartLabels.period(bar.label())).x, textHeight,
                    bar.ended() ? 3 : bar.total() > 0 ? 2 : bar.start().getMonthValue() == 1 ? 1 : 0));
            // An empty period needs no "0"; of the others, the larger counts first.
            totals.add(new ChartLabels.Text(centre, y - textHeight, gc.textExtent(Integer.toString(bar.total())).x, textHeight,
                    bar.total() > 0 ? bar.total() : -1));
        }
        int[] labelled = ChartLabels.place(labels, area.width);
        int[] counted = ChartLabels.place(totals, area.width);
        for (int i = 0; i < data.bars().size(); i++) {
            SupportEndChart.Bar bar = data.bars().get(i);
            if (labelled[i] >= 0) {
                gc.drawText(ChartLabels.period(bar.label()), labelled[i], bottom + 2, true);
            }
            if (counted[i] >= 0 && bar.total() > 0) {
                gc.drawText(Integer.toString(bar.total()), counted[i], tops[i] - textHeight, true);
            }
        }
    }

    private org.eclipse.swt.graphics.Color colour(int group, List<String> groups) {
        return new org.eclipse.swt.graphics.Color(colourOf(group, groups));
    }

    /** The colour of a group's bars and legend swatch ("other" has the last one): the UI test looks for it. */
    public static org.eclipse.swt.graphics.RGB colourOf(int group, List<String> groups) {
        org.eclipse.swt.graphics.RGB rgb = groups.get(group).equals(SupportEndChart.OTHER) ? PALETTE[PALETTE.length - 1]
                : PALETTE[group % PALETTE.length];
        return new org.eclipse.swt.graphics.RGB(rgb.red, rgb.green, rgb.blue); // a copy: RGB's fields can be set
    }

    @Focus
    void focus() {
        models.setFocus();
    }

    /** {@code width}, or wider where the title (and the sort arrow) needs it: "Devices to repla" helps no one. */
    private static int atLeastTitle(TableColumn column, int width) {
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(column.getParent());
        try {
            return Math.max(width, TableSort.titleWidth(gc, column.getText()));
        } finally {
            gc.dispose();
        }
    }
}
