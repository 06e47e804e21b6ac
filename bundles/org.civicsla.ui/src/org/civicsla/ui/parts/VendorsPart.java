package org.civicsla.ui.parts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.ui.ChecksModel;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The vendors of the open workspace: a filterable, sortable table with their status on steps 2 and 5. */
public final class VendorsPart {

    /** Widget data key under which UI tests find the widgets a person would use. */
    public static final String TEST_ID = "org.civicsla.test.id";

    @Inject
    private WorkspaceModel model;

    @Inject
    private ChecksModel checks;

    @Inject
    private org.eclipse.e4.core.services.events.IEventBroker events;

    @Inject
    private org.eclipse.e4.ui.workbench.modeling.EPartService parts;

    @Inject
    private org.eclipse.e4.ui.model.application.MApplication application;

    @Inject
    private org.eclipse.e4.ui.model.application.ui.basic.MPart part;

    /** Persisted-state keys: the sort column (its title) and direction survive a restart with the layout. */
    static final String SORT_COLUMN = "sortColumn";
    static final String SORT_ASCENDING = "sortAscending";

    private TableViewer viewer;
    private Text filter;
    private Label status;
    private Map<String, Long> activeContracts = Map.of();
    private Map<String, Long> deviceCounts = Map.of();

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage("Filter vendors by name, id or category");
        filter.setData(TEST_ID, "vendors.filter");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);

        Composite tableArea = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tableArea);
        TableColumnLayout layout = new TableColumnLayout();
        tableArea.setLayout(layout);
        viewer = new TableViewer(tableArea, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.getTable().setData(TEST_ID, "vendors.table");
        viewer.setContentProvider(ArrayContentProvider.getInstance());

        VendorSorter sorter = new VendorSorter();
        // The vendor's standing on the two steps the product is about (from the latest check run) comes
        // right after the name: in a narrow window it is what must stay visible.
        column(layout, sorter, "ID", 8, Vendor::id);
        column(layout, sorter, "Name", 40, Vendor::name);
        column(layout, sorter, "Step 2", 8, v -> status(v, 2));
        column(layout, sorter, "Step 5", 8, v -> status(v, 5));
        column(layout, sorter, "Devices", 8, v -> Long.toString(deviceCounts.getOrDefault(v.id(), 0L)));
        column(layout, sorter, "Contracts", 8, v -> Long.toString(activeContracts.getOrDefault(v.id(), 0L)));
        column(layout, sorter, "Criticality", 10, v -> v.criticality().name().toLowerCase(Locale.ROOT));
        column(layout, sorter, "Category", 22, Vendor::category);
        viewer.setComparator(sorter);
        restoreSortOrder(sorter);
        // Choosing a vendor shows it in the editor; Enter or a double-click brings the editor to the front.
        viewer.addSelectionChangedListener(e -> selected().ifPresent(this::choose));
        viewer.addOpenListener(e -> selected().ifPresent(this::open));
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                String needle = filter.getText().trim().toLowerCase(Locale.ROOT);
                Vendor vendor = (Vendor) element;
                return needle.isEmpty() || (vendor.id() + " " + vendor.name() + " " + vendor.category())
                        .toLowerCase(Locale.ROOT).contains(needle);
            }
        });
        filter.addModifyListener(e -> {
            viewer.refresh();
            updateStatus();
        });
        // From the filter to the list by keyboard: Down goes to the first vendor shown, Enter opens the only one.
        filter.addListener(SWT.KeyDown, e -> {
            org.eclipse.swt.widgets.Table table = viewer.getTable();
            if (e.keyCode == SWT.ARROW_DOWN && table.getItemCount() > 0) {
                e.doit = false;
                table.setFocus();
                if (table.getSelectionCount() == 0) {
                    viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(table.getItem(0).getData()), true);
                }
            }
        });
        filter.addListener(SWT.DefaultSelection, e -> {
            if (viewer.getTable().getItemCount() == 1) {
                Object only = viewer.getTable().getItem(0).getData();
                viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(only), true);
                open((Vendor) only);
            }
        });

        status = new Label(parent, SWT.NONE);
        status.setData(TEST_ID, "vendors.status");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        show();
    }

    private void column(TableColumnLayout layout, VendorSorter sorter, String title, int weight,
            Function<Vendor, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setMoveable(true);
        boolean isStep = title.startsWith("Step ");
        if (title.equals("Contracts")) {
            column.getColumn().setToolTipText("Contracts in force on the checklist's date: active and not ended (drafts,"
                    + " expired and terminated ones, and active ones whose term has ended, are not counted)");
        }
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Vendor) element);
            }

            @Override
            public org.eclipse.swt.graphics.Color getBackground(Object element) {
                // Coloured as in the checklist matrix, so a failing vendor stands out in the list too.
                String value = isStep ? text.apply((Vendor) element) : "";
                return value.isEmpty() ? null
                        : ChecklistPart.color(org.civicsla.core.check.Status.valueOf(value.toUpperCase(Locale.ROOT)));
            }
        });
        // Never narrower than its title (and the sort arrow): a header cut to "Criti" helps no one.
        org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(viewer.getTable());
        int titleWidth = TableSort.titleWidth(gc, title);
        // An ID and a name must be readable too: room for "V-0000" and some twenty characters.
        int minimum = switch (title) {
            case "ID" -> Math.max(titleWidth, gc.textExtent("V-0000").x + 16);
            case "Name" -> Math.max(titleWidth, gc.textExtent("Riverbend Water Tele").x + 16);
            default -> titleWidth;
        };
        gc.dispose();
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, minimum, true));
        column.getColumn().setData(SORT_KEY, text);
        column.getColumn().addListener(SWT.Selection, e -> {
            sorter.sortBy(text);
            showSortOrder(sorter, column.getColumn());
            part.getPersistedState().put(SORT_COLUMN, title);
            part.getPersistedState().put(SORT_ASCENDING, Boolean.toString(sorter.ascending()));
        });
    }

    private static final String SORT_KEY = "org.civicsla.sortKey";

    private void showSortOrder(VendorSorter sorter, org.eclipse.swt.widgets.TableColumn column) {
        viewer.getTable().setSortColumn(column);
        viewer.getTable().setSortDirection(sorter.ascending() ? SWT.UP : SWT.DOWN);
        viewer.refresh();
    }

    @SuppressWarnings("unchecked")
    private void restoreSortOrder(VendorSorter sorter) {
        String title = part.getPersistedState().getOrDefault(SORT_COLUMN, "Name");
        boolean ascending = !"false".equals(part.getPersistedState().get(SORT_ASCENDING));
        for (org.eclipse.swt.widgets.TableColumn column : viewer.getTable().getColumns()) {
            if (column.getText().equals(title)) {
                sorter.restore((Function<Vendor, String>) column.getData(SORT_KEY), ascending);
                showSortOrder(sorter, column);
            }
        }
    }

    /** Shows {@code vendor} in the editor and brings the editor to the front (Enter or a double-click). */
    private void open(Vendor vendor) {
        choose(vendor);
        parts.showPart(VendorEditorPart.ID, org.eclipse.e4.ui.workbench.modeling.EPartService.PartState.ACTIVATE);
    }

    /**
     * Tells the editor, and keeps in the application's context for an editor not created yet: the first Enter or
     * double-click creates it after the event has gone by, and it opened empty.
     */
    private void choose(Vendor vendor) {
        application.getContext().set(VendorEditorPart.CHOSEN_VENDOR, vendor.id());
        events.send(VendorEditorPart.TOPIC_SELECTED, vendor.id());
    }

    private java.util.Optional<Vendor> selected() {
        Object first = viewer.getStructuredSelection().getFirstElement();
        return first instanceof Vendor v ? java.util.Optional.of(v) : java.util.Optional.empty();
    }

    private String status(Vendor vendor, int step) {
        return checks.latest().flatMap(r -> r.matrix().cell(vendor.id(), step))
                .map(c -> c.status().name().toLowerCase(Locale.ROOT)).orElse("");
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void checked(@UIEventTopic(ChecksModel.TOPIC_CHECKED) String asOf) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            count(); // the contracts in force are counted on the checklist's date
            viewer.refresh(); // not setInput: the vendor selected stays selected
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String folder) {
        if (viewer != null && !viewer.getTable().isDisposed()) {
            show();
        }
    }

    private void show() {
        count();
        viewer.setInput(model.current().map(WorkspaceModel.Opened::data).orElse(WorkspaceData.EMPTY).vendors());
        updateStatus();
    }

    /** The counts the Contracts and Devices columns show. */
    private void count() {
        WorkspaceData data = model.current().map(WorkspaceModel.Opened::data).orElse(WorkspaceData.EMPTY);
        // As the checks count them on the checklist's date: a contract still marked active whose term ended is not one.
        java.time.LocalDate asOf = checks.latest().map(r -> r.run().asOf()).orElseGet(checks::asOf);
        activeContracts = data.contracts().stream().filter(c -> org.civicsla.core.lifecycle.ContractTerms.inForce(c, asOf))
                .collect(Collectors.groupingBy(Contract::vendorId, Collectors.counting()));
        Map<String, String> modelVendor = data.deviceModels().stream()
                .collect(Collectors.toMap(m -> m.id(), m -> m.vendorId(), (a, b) -> a));
        deviceCounts = data.devices().stream()
                .collect(Collectors.groupingBy(d -> modelVendor.getOrDefault(d.modelId(), ""), Collectors.counting()));
    }

    private void updateStatus() {
        int all = ((List<?>) viewer.getInput()).size();
        int shown = viewer.getTable().getItemCount();
        status.setText(shown == all ? all + " vendors" : shown + " of " + all + " vendors");
        status.getParent().layout(new org.eclipse.swt.widgets.Control[] { status });
    }

    @Focus
    void focus() {
        filter.setFocus();
    }

    /** Sorts by the column last clicked; a second click reverses it. */
    private static final class VendorSorter extends ViewerComparator {
        private Function<Vendor, String> key = Vendor::name;
        private boolean ascending = true;

        void sortBy(Function<Vendor, String> newKey) {
            ascending = newKey != key || !ascending;
            key = newKey;
        }

        boolean ascending() {
            return ascending;
        }

        void restore(Function<Vendor, String> newKey, boolean newAscending) {
            key = newKey;
            ascending = newAscending;
        }

        @Override
        public int compare(Viewer v, Object a, Object b) {
            // Counts as numbers, statuses worst first: the same order as the other tables.
            int result = TableSort.compareCells(key.apply((Vendor) a), key.apply((Vendor) b));
            return ascending ? result : -result;
        }
    }
}
