package org.civicsla.ui.parts;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.civicsla.checks.Matrix;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Status;
import org.civicsla.core.model.Vendor;
import org.civicsla.ui.ChecksModel;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DateTime;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The checklist matrix: vendors × steps, coloured and spelled out, re-run as of a chosen date; the
 * selected vendor's reasons and evidence below. The checks run in a Job; this part only shows.
 */
public final class ChecklistPart {

    @Inject
    private ChecksModel checks;

    @Inject
    private WorkspaceModel workspaces;

    @Inject
    private org.eclipse.e4.ui.model.application.ui.basic.MPart part;

    private TableSort sort;
    private Composite body;
    private DateTime asOf;
    private Label status;
    private Table table;
    private Text details;

    @PostConstruct
    void create(Composite parent) {
        body = parent;
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        Composite bar = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(bar);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        new Label(bar, SWT.NONE).setText("Check as of:");
        asOf = new DateTime(bar, SWT.DATE | SWT.DROP_DOWN | SWT.BORDER);
        asOf.setData(VendorsPart.TEST_ID, "checklist.asOf");
        // The date of the runs so far, when this part is opened after them.
        LocalDate date = checks.asOf();
        asOf.setDate(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        Button run = new Button(bar, SWT.PUSH);
        run.setText("&Run checks");
        run.setData(VendorsPart.TEST_ID, "checklist.run");
        run.addListener(SWT.Selection, e -> checks.run(LocalDate.of(asOf.getYear(), asOf.getMonth() + 1, asOf.getDay())));
        status = new Label(bar, SWT.NONE);
        status.setData(VendorsPart.TEST_ID, "checklist.status");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);

        SashForm split = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        table = new Table(split, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(VendorsPart.TEST_ID, "checklist.table");
        table.addListener(SWT.Selection, e -> showDetails());
        details = new Text(split, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        details.setData(VendorsPart.TEST_ID, "checklist.details");
        split.setWeights(3, 2);
        show();
    }

    /** Another workspace is shown: its run is on the way (the workbench starts it, see WorkspaceAddon). */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String folder) {
        if (body != null && !body.isDisposed()) {
            show();
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void checked(@UIEventTopic(ChecksModel.TOPIC_CHECKED) String date) {
        if (body != null && !body.isDisposed()) {
            show();
        }
    }

    private void show() {
        // The vendor being read stays selected when the checks run again (a date changed, an edit): its reasons are
        // what the person was looking at.
        String selectedVendor = table.getSelectionCount() == 0 ? null
                : ((Vendor) table.getSelection()[0].getData()).id();
        table.removeAll();
        for (TableColumn column : table.getColumns()) {
            column.dispose();
        }
        var result = checks.latest();
        if (result.isEmpty()) {
            var failure = checks.failure();
            String why = failure.map(ChecksModel.Failure::message).orElse(null);
            status.setText(workspaces.current().isEmpty() ? "Open a workspace to check its vendors."
                    : why == null ? "Checking..." : why);
            status.setForeground(failure.filter(ChecksModel.Failure::error).isPresent()
                    ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
            status.setToolTipText(why);
            status.getParent().layout();
            details.setText(why == null ? "" : why); // in full: the status line cuts a long reason off
            return;
        }
        status.setForeground(null);
        Matrix matrix = result.get().matrix();
        column("Vendor", 70);
        column("Name", 240);
        matrix.steps().forEach(step -> column("Step " + step, 80));
        int failing = 0;
        record Row(Vendor vendor, String[] cells) {
        }
        List<Row> rows = new java.util.ArrayList<>();
        for (Vendor vendor : matrix.vendors()) {
            String[] cells = new String[2 + matrix.steps().size()];
            cells[0] = vendor.id();
            cells[1] = vendor.name();
            int c = 2;
            for (int step : matrix.steps()) {
                cells[c++] = matrix.cell(vendor.id(), step).orElseThrow().status().name().toLowerCase(Locale.ROOT);
            }
            rows.add(new Row(vendor, cells));
            if (matrix.worst(vendor.id()) == Status.FAIL) {
                failing++;
            }
        }
        if (sort == null) {
            sort = new TableSort(table, part.getPersistedState(), "matrix", "Vendor", this::show);
        }
        sort.attach();
        rows.sort((a, b) -> sort.order().compare(a.cells(), b.cells()));
        for (Row row : rows) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(row.vendor());
            item.setText(row.cells());
            for (int c = 2; c < row.cells().length; c++) {
                item.setBackground(c, color(Status.valueOf(row.cells()[c].toUpperCase(Locale.ROOT))));
            }
        }
        // Paint first, so the mark is when a person sees the matrix, not when its rows were created.
        table.getDisplay().asyncExec(() -> {
            if (!table.isDisposed()) {
                table.update();
                org.civicsla.ui.StartupTiming.matrixShown(rows.size());
            }
        });
        int unread = result.get().documentProblems().size();
        status.setText(failing + " of " + matrix.vendors().size() + " vendors fail, as of " + result.get().run().asOf()
                + (unread == 0 ? "" : "; " + unread + (unread == 1 ? " document" : " documents") + " unreadable"));
        // In full where the line is cut off beside the date and the button: which documents, and why.
        status.setToolTipText(unread == 0 ? null : String.join("\n", result.get().documentProblems()));
        status.getParent().layout();
        details.setText("Select a vendor to see why.");
        for (TableItem item : table.getItems()) {
            if (((Vendor) item.getData()).id().equals(selectedVendor)) {
                table.setSelection(item);
                showDetails();
                break;
            }
        }
    }

    private void column(String title, int width) {
        TableColumn column = new TableColumn(table, SWT.LEFT);
        column.setText(title);
        column.setWidth(width);
    }

    /** The report's colours; colours made from RGB alone hold no OS resource, so they need no disposal. */
    private static final java.util.Map<Status, Color> COLORS = java.util.Map.of(
            Status.FAIL, new Color(new RGB(0xF4, 0xB6, 0xB0)), Status.WARNING, new Color(new RGB(0xFC, 0xE0, 0x9B)),
            Status.UNKNOWN, new Color(new RGB(0xDD, 0xDD, 0xDD)), Status.PASS, new Color(new RGB(0xB9, 0xE3, 0xC0)));

    /** The colour of a status wherever a table shows one, so the Vendors table reads like the matrix. */
    static Color color(Status status) {
        return COLORS.get(status);
    }

    private void showDetails() {
        var result = checks.latest();
        if (result.isEmpty() || table.getSelectionCount() == 0) {
            return;
        }
        Vendor vendor = (Vendor) table.getSelection()[0].getData();
        StringBuilder text = new StringBuilder(vendor.id() + " " + vendor.name() + "\n");
        for (int step : result.get().matrix().steps()) {
            Matrix.Cell cell = result.get().matrix().cell(vendor.id(), step).orElseThrow();
            text.append("\nStep ").append(step).append(": ").append(cell.status().name().toLowerCase(Locale.ROOT)).append('\n');
            if (cell.findings().isEmpty()) {
                text.append("  - ").append(Matrix.Cell.NOT_CHECKED).append('\n');
            }
            for (Finding finding : cell.findings()) {
                finding.reasons().forEach(reason -> text.append("  - ").append(reason).append('\n'));
                List<Evidence> evidence = finding.evidence();
                if (!evidence.isEmpty()) {
                    // What was found backs the whole finding, not only the reason printed last.
                    text.append("    evidence:\n");
                }
                for (Evidence e : evidence) {
                    text.append("    - ").append(e.description());
                    e.document().ifPresent(d -> text.append(" (").append(d)
                            .append(e.page().isPresent() ? ", page " + e.page().getAsInt() : "").append(')'));
                    if (!e.snippet().isEmpty()) {
                        text.append("\n        \"").append(e.snippet().length() > 240 ? e.snippet().substring(0, 240) + "..." : e.snippet())
                                .append('"');
                    }
                    text.append('\n');
                }
            }
        }
        details.setText(text.toString());
    }

    @Focus
    void focus() {
        table.setFocus();
    }
}
