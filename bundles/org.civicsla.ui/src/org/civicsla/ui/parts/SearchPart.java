package org.civicsla.ui.parts;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.civicsla.index.DocumentIndex;
import org.civicsla.index.SearchResult;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Document search: a query field (words, "phrases", wildcards, vendor:, contract:, clause:, status:),
 * passages with the matched words highlighted, and counts per vendor, clause type and contract status.
 * The index is brought up to date and searched in a background Job.
 */
public final class SearchPart {

    @Inject
    private WorkspaceModel workspaces;

    @Inject
    private UISynchronize ui;

    private Text query;
    private Label status;
    private org.eclipse.swt.widgets.Tree facets;
    private StyledText results;
    private final AtomicReference<Job> running = new AtomicReference<>();
    /** The query of the hits shown (or being searched), run again when the workspace changes; empty for none. */
    private String searched = "";

    @PostConstruct
    void create(Composite parent) {
        GridLayoutFactory.fillDefaults().margins(6, 6).applyTo(parent);
        query = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        query.setMessage("Search the contracts, e.g. \"security incident\" AND hours, or clause:\"Breach Notification\"");
        query.setData(VendorsPart.TEST_ID, "search.query");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(query);
        query.addListener(SWT.DefaultSelection, e -> search(query.getText()));
        // Wraps: a refused query's message can be long (the clause types a workspace has), and cut off it said
        // "... Source Code Escrow, Change Of Cor".
        status = new Label(parent, SWT.WRAP);
        status.setData(VendorsPart.TEST_ID, "search.status");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(status);
        org.eclipse.swt.custom.SashForm split = new org.eclipse.swt.custom.SashForm(parent, SWT.HORIZONTAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(split);
        facets = new org.eclipse.swt.widgets.Tree(split, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        facets.setData(VendorsPart.TEST_ID, "search.facets");
        facets.setToolTipText("Double-click a value, or press Enter on it, to narrow the search to it");
        facets.addListener(SWT.DefaultSelection, e -> {
            if (e.item instanceof org.eclipse.swt.widgets.TreeItem item && item.getData() instanceof String filter) {
                narrow(filter);
            }
        });
        results = new StyledText(split, SWT.BORDER | SWT.MULTI | SWT.READ_ONLY | SWT.WRAP | SWT.V_SCROLL);
        results.setData(VendorsPart.TEST_ID, "search.results");
        results.setToolTipText("Double-click a result, or press Enter on it, to open its document at the passage");
        split.setWeights(30, 70);
        // StyledText reports a double click as a second MouseDown (count 2); the click point names the hit.
        results.addListener(SWT.MouseDown, e -> {
            if (e.count == 2 && e.button == 1) {
                int offset = results.getOffsetAtPoint(new org.eclipse.swt.graphics.Point(e.x, e.y));
                open(offset >= 0 ? offset : results.getCaretOffset());
            }
        });
        // Keyboard use: move the caret into a result and press Enter.
        results.addListener(SWT.KeyDown, e -> {
            if (e.keyCode == SWT.CR || e.keyCode == SWT.KEYPAD_CR) {
                open(results.getCaretOffset());
            }
        });
    }

    /** Adds a facet's value to the query as a field filter, as a person would type it, and searches again. */
    private void narrow(String filter) {
        String current = query.getText().trim();
        if (current.contains(filter)) {
            return;
        }
        query.setText(current.isEmpty() ? filter : "(" + current + ") AND " + filter);
        search(query.getText());
    }

    private void search(String text) {
        var opened = workspaces.current();
        searched = opened.isEmpty() ? "" : text.strip();
        if (opened.isEmpty() || text.isBlank()) {
            // Nothing to search: the last query's hits (or its error) would read as this one's.
            stop();
            clear(opened.isEmpty() ? "Open a workspace to search its contracts." : "Type words to search for.", null);
            return;
        }
        status.setText("Searching...");
        status.getParent().layout();
        Job job = Job.create("Searching the contracts for " + text, (IProgressMonitor monitor) -> {
            Job self = Job.getJobManager().currentJob();
            // What this search shows, only while it is the current one: a search stopped by another workspace or an
            // emptied query may still finish, and must not put its hits back.
            java.util.function.Consumer<Runnable> showIfCurrent = update -> ui.asyncExec(() -> {
                if (running.get() == self && !status.isDisposed()) {
                    update.run();
                }
            });
            try (DocumentIndex index = DocumentIndex.open(opened.get().folder(), workspaces.detector(opened.get().folder()))) {
                if (index.startedAfresh()) {
                    showIfCurrent.accept(() -> status.setText("Reading the contract documents into the index first..."));
                }
                index.update(opened.get().folder(), opened.get().data(), problem -> { }, monitor::isCanceled);
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                SearchResult result = index.search(text, 50, DocumentIndex.Facets.COUNT, opened.get().data().vendors());
                showIfCurrent.accept(() -> show(result));
                return Status.OK_STATUS;
            } catch (IllegalArgumentException e) {
                showIfCurrent.accept(() -> problem(e.getMessage()));
                return Status.warning(e.getMessage()); // so the status bar does not say "Done"
            } catch (IOException e) {
                String message = "Cannot search " + opened.get().folder() + ": " + e.getMessage();
                showIfCurrent.accept(() -> problem(message)); // not "Searching..." for ever
                return Status.error(message, e);
            }
        });
        Job previous = running.getAndSet(job);
        if (previous != null) {
            previous.cancel();
        }
        job.setRule(WorkspaceModel.INDEX_RULE);
        job.schedule();
    }

    /** Another workspace: the hits, facets and errors shown were the last one's. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceOpened(@org.eclipse.e4.ui.di.UIEventTopic(WorkspaceModel.TOPIC_OPENED) String folder) {
        if (results != null && !results.isDisposed()) {
            searched = "";
            stop();
            clear("", null);
        }
    }

    /**
     * The workspace changed (an edit, an import, a document attached): the hits and counts shown may be out of date
     * (a contract's status, a new document), so the search shown runs again.
     */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@org.eclipse.e4.ui.di.UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String folder) {
        if (results != null && !results.isDisposed() && !searched.isEmpty()) {
            search(searched);
        }
    }

    /** Says why there are no hits, in place of the last query's, in full in the tooltip when it is cut off. */
    private void problem(String message) {
        if (!status.isDisposed()) {
            clear(message, message);
        }
    }

    /** Stops the search under way. */
    private void stop() {
        Job previous = running.getAndSet(null);
        if (previous != null) {
            previous.cancel();
        }
    }

    /** Shows no hits, with {@code says} in the status line. */
    private void clear(String says, String tooltip) {
        shown.clear();
        results.setText("");
        facets.removeAll();
        status.setText(says);
        status.setToolTipText(tooltip);
        status.getParent().layout();
    }

    /** Which hit each block of the results text shows: the offset where each hit's block starts. */
    private final java.util.TreeMap<Integer, SearchResult.Hit> shown = new java.util.TreeMap<>();

    private void open(int offset) {
        var entry = shown.floorEntry(offset);
        var opened = workspaces.current();
        if (entry == null || opened.isEmpty()) {
            return;
        }
        SearchResult.Hit hit = entry.getValue();
        java.nio.file.Path file = opened.get().folder().resolve(hit.document()).normalize();
        Job job = Job.create("Opening " + hit.document(), (IProgressMonitor monitor) -> {
            try {
                // The index's offsets are offsets into the extracted text: show the same text.
                String text = org.civicsla.index.extract.TextExtractor.extract(file,
                        org.civicsla.index.extract.TextExtractor.Limits.DEFAULT).text();
                ui.asyncExec(() -> new DocumentDialog(results.getShell(), hit.contractId() + " " + hit.document()
                        + (hit.page().isPresent() ? ", page " + hit.page().getAsInt() : ""), text, hit.start(), hit.end()).open());
                return Status.OK_STATUS;
            } catch (org.civicsla.index.extract.ExtractionException e) {
                return Status.error(e.getMessage(), e);
            }
        });
        job.schedule();
    }

    private void show(SearchResult result) {
        if (results.isDisposed()) {
            return;
        }
        shown.clear();
        StringBuilder text = new StringBuilder();
        java.util.List<StyleRange> marks = new java.util.ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            shown.put(text.length(), hit);
            text.append(hit.vendorId()).append("  ").append(hit.contractId()).append("  ").append(hit.document())
                    .append(hit.page().isPresent() ? ", page " + hit.page().getAsInt() : "")
                    // The section, unless the snippet opens with its heading anyway.
                    .append(hit.sectionNotShown().map(section -> ", " + section).orElse(""));
            if (!hit.clauses().isEmpty()) {
                text.append("  [").append(String.join(", ", hit.clauses())).append(']');
            }
            text.append('\n');
            // The snippet marks matched words with ‹ ›: show them bold on yellow instead.
            String snippet = hit.snippet();
            int i = 0;
            while (i < snippet.length()) {
                int open = snippet.indexOf('‹', i);
                if (open < 0) {
                    text.append(snippet, i, snippet.length());
                    break;
                }
                int close = snippet.indexOf('›', open);
                if (close < 0) {
                    text.append(snippet, i, snippet.length());
                    break;
                }
                text.append(snippet, i, open);
                StyleRange mark = new StyleRange();
                mark.start = text.length();
                mark.length = close - open - 1;
                mark.fontStyle = SWT.BOLD;
                mark.background = results.getDisplay().getSystemColor(SWT.COLOR_YELLOW);
                marks.add(mark);
                text.append(snippet, open + 1, close);
                i = close + 1;
            }
            text.append("\n\n");
        }
        results.setText(text.toString());
        results.setStyleRanges(marks.toArray(StyleRange[]::new));
        showFacets(result);
        status.setToolTipText(null);
        status.setText(result.totalHits() + (result.totalHits() == 1 ? " passage matches" : " passages match")
                + (result.hits().size() < result.totalHits()
                ? ", the best " + result.hits().size() + " shown" : "") + ".");
        status.getParent().layout();
    }

    /** The facet headings and the query fields they filter by. */
    private static final Map<String, String> FACET_TITLES = Map.of("vendor", "Vendor", "clause", "Clause type",
            "status", "Contract status");

    /** Counts per vendor, clause type and status over all matching passages, most first; a value narrows the search. */
    private void showFacets(SearchResult result) {
        facets.setRedraw(false);
        try {
            facets.removeAll();
            java.util.Map<String, String> names = new java.util.HashMap<>();
            workspaces.current().ifPresent(o -> o.data().vendors().forEach(v -> names.put(v.id(), v.name())));
            for (String field : java.util.List.of("vendor", "clause", "status")) {
                Map<String, Integer> counts = result.facets().getOrDefault(field, Map.of());
                if (counts.isEmpty()) {
                    continue;
                }
                org.eclipse.swt.widgets.TreeItem heading = new org.eclipse.swt.widgets.TreeItem(facets, SWT.NONE);
                heading.setText(FACET_TITLES.get(field));
                counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .forEach(value -> {
                            org.eclipse.swt.widgets.TreeItem item = new org.eclipse.swt.widgets.TreeItem(heading, SWT.NONE);
                            String name = field.equals("vendor") && names.containsKey(value.getKey())
                                    ? value.getKey() + " " + names.get(value.getKey()) : value.getKey();
                            item.setText(value.getValue() + "  " + name); // the count first: a narrow pane cuts long names
                            item.setData(field + ":\"" + value.getKey().replace("\"", "\\\"") + "\"");
                        });
                heading.setExpanded(true);
            }
        } finally {
            facets.setRedraw(true);
        }
    }

    @Focus
    void focus() {
        query.setFocus();
    }
}
