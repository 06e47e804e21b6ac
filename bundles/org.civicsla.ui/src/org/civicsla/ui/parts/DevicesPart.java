package org.civicsla.ui.parts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.civicsla.core.lifecycle.PlanYear;
import org.civicsla.core.lifecycle.ReplacementPlan;
import org.civicsla.core.lifecycle.SupportState;
import org.civicsla.core.lifecycle.SupportStatus;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
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
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Devices and their life cycle for asset managers: per device model the support end by the profile's
 * milestone and its status within the planning horizon, a chart of devices reaching that end per year,
 * and the replacement plan per year with its cost.
 */
public final class DevicesPart {

    @Inject
    private WorkspaceModel workspaces;

    private Composite body;
    private Label summary;
    private Table models;
    private Canvas chart;
    private Table plan;
    private Map<Integer, Integer> perYear = new TreeMap<>();

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
                { "Support ends", "100" }, { "Status", "150" }, { "Source", "260" } }) {
            TableColumn c = new TableColumn(models, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        SashForm bottom = new SashForm(split, SWT.HORIZONTAL);
        chart = new Canvas(bottom, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        chart.addPaintListener(e -> paint(e.gc, chart.getClientArea()));
        plan = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION);
        plan.setHeaderVisible(true);
        plan.setLinesVisible(true);
        plan.setData(VendorsPart.TEST_ID, "devices.plan");
        for (String[] column : new String[][] { { "Year", "60" }, { "Devices to replace", "130" }, { "Cost", "120" } }) {
            TableColumn c = new TableColumn(plan, SWT.LEFT);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }
        bottom.setWeights(3, 2);
        split.setWeights(3, 2);
        show();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String folder) {
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
        LocalDate today = LocalDate.now();
        Map<String, Long> counts = data.devices().stream().collect(Collectors.groupingBy(Device::modelId, Collectors.counting()));
        Map<String, String> vendors = data.vendors().stream().collect(Collectors.toMap(Vendor::id, Vendor::name));
        perYear = new TreeMap<>();
        long unknown = 0;
        long unsupported = 0;
        for (DeviceModel model : data.deviceModels()) {
            long devices = counts.getOrDefault(model.id(), 0L);
            Optional<LocalDate> end = SupportStatus.supportEnd(model, milestone);
            SupportState state = SupportStatus.of(model, milestone, today, profile.planningHorizonMonths());
            TableItem item = new TableItem(models, SWT.NONE);
            item.setText(new String[] { model.model(), vendors.getOrDefault(model.vendorId(), model.vendorId()),
                    Long.toString(devices), end.map(LocalDate::toString).orElse("unknown"),
                    state.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    (milestone == Milestone.END_OF_SUPPORT ? model.endOfSupport() : model.endOfSecurityUpdates()).source() });
            if (state == SupportState.UNSUPPORTED) {
                unsupported += devices;
            } else if (state == SupportState.UNKNOWN) {
                unknown += devices;
            }
            end.ifPresent(date -> perYear.merge(date.getYear(), (int) devices, Integer::sum));
        }
        BigDecimal total = BigDecimal.ZERO;
        for (PlanYear year : ReplacementPlan.perYear(data, milestone, today)) {
            TableItem item = new TableItem(plan, SWT.NONE);
            item.setText(new String[] { Integer.toString(year.year()), Integer.toString(year.devices()),
                    String.format("%,.2f", year.cost()) });
            total = total.add(year.cost());
        }
        summary.setText(String.format("%,d devices of %d models. By %s: %,d already unsupported, %,d with unknown dates. "
                + "Replacement plan: %s in total.", data.devices().size(), data.deviceModels().size(),
                milestone == Milestone.END_OF_SUPPORT ? "end of support" : "end of security updates", unsupported, unknown,
                String.format("%,.2f", total)));
        body.layout(true, true);
        chart.redraw();
    }

    /** Bars: devices whose support ends in each year. */
    private void paint(GC gc, Rectangle area) {
        gc.setBackground(chart.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(area);
        gc.setForeground(chart.getDisplay().getSystemColor(SWT.COLOR_WIDGET_FOREGROUND));
        gc.drawText("Devices reaching end of support per year", 8, 4, true);
        if (perYear.isEmpty()) {
            return;
        }
        List<Map.Entry<Integer, Integer>> bars = new ArrayList<>(perYear.entrySet());
        int max = bars.stream().mapToInt(Map.Entry::getValue).max().orElse(1);
        int left = 8;
        int textHeight = gc.textExtent("0").y;
        // Room above the tallest bar for its count.
        int top = 26 + textHeight;
        int bottom = area.height - 22;
        int slot = Math.max(1, (area.width - 16) / bars.size());
        int thisYear = LocalDate.now().getYear();
        for (int i = 0; i < bars.size(); i++) {
            int height = (int) ((long) (bottom - top) * bars.get(i).getValue() / Math.max(1, max));
            int x = left + i * slot + slot / 6;
            gc.setBackground(chart.getDisplay().getSystemColor(bars.get(i).getKey() < thisYear ? SWT.COLOR_RED : SWT.COLOR_DARK_BLUE));
            gc.fillRectangle(x, bottom - height, Math.max(2, slot * 2 / 3), height);
            gc.drawText("'" + String.format("%02d", bars.get(i).getKey() % 100), x, bottom + 2, true);
            gc.drawText(Integer.toString(bars.get(i).getValue()), x, bottom - height - textHeight, true);
        }
    }

    @Focus
    void focus() {
        models.setFocus();
    }
}
