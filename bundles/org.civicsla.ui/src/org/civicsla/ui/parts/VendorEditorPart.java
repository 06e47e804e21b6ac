package org.civicsla.ui.parts;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.civicsla.core.check.ClauseEvidence;
import org.civicsla.core.check.ClauseHit;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.edit.ContractDraft;
import org.civicsla.core.edit.Edit;
import org.civicsla.core.edit.FieldProblem;
import org.civicsla.core.edit.VendorDraft;
import org.civicsla.core.lifecycle.ContractTerms;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseSource;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet.ClauseKey;
import org.civicsla.index.DocumentIndex;
import org.civicsla.ui.DocumentChooser;
import org.civicsla.ui.EditsModel;
import org.civicsla.ui.ProfilePreferences;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.dnd.DND;
import org.eclipse.swt.dnd.DropTarget;
import org.eclipse.swt.dnd.DropTargetAdapter;
import org.eclipse.swt.dnd.DropTargetEvent;
import org.eclipse.swt.dnd.FileTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The vendor and contract editor. It shows the vendor chosen in the Vendors part: the vendor's fields,
 * its contracts, and for the chosen contract its fields with the renewal and notice dates they imply,
 * the attached documents (attach by button or by dropping files) and the clause list (found with
 * evidence, missing, waived with reason). A field is stored when Enter is pressed or focus leaves it;
 * a value that cannot be stored is marked on the field with the reason and nothing is stored. Every
 * change can be undone (Edit > Undo).
 */
public final class VendorEditorPart {

    public static final String ID = "org.civicsla.ui.part.editor";
    /** A clause found whose stated value is over the profile's limit (a 168-hour notification where 72 are allowed). */
    private static final String TOO_WEAK = "too weak";
    /** Posted (with the vendor id) when a person picks a vendor to work on. */
    public static final String TOPIC_SELECTED = "org/civicsla/vendor/selected";
    /** Context key of the vendor last chosen in the Vendors list (its id), for an editor created after the choice. */
    public static final String CHOSEN_VENDOR = "org.civicsla.vendor.chosen";

    private static final Map<String, String> CONTRACT_LABELS = new LinkedHashMap<>();
    static {
        CONTRACT_LABELS.put(ContractDraft.NUMBER, "Number");
        CONTRACT_LABELS.put(ContractDraft.TYPE, "Type");
        CONTRACT_LABELS.put(ContractDraft.START, "Start (YYYY-MM-DD)");
        CONTRACT_LABELS.put(ContractDraft.INITIAL_TERM, "Initial term (months)");
        CONTRACT_LABELS.put(ContractDraft.RENEWAL, "Renewal");
        CONTRACT_LABELS.put(ContractDraft.RENEWAL_PERIOD, "Renewal period (months)");
        CONTRACT_LABELS.put(ContractDraft.NOTICE, "Notice (days)");
        CONTRACT_LABELS.put(ContractDraft.STATUS, "Status");
        CONTRACT_LABELS.put(ContractDraft.VALUE, "Value");
        CONTRACT_LABELS.put(ContractDraft.CURRENCY, "Currency");
    }

    @Inject
    private WorkspaceModel workspaces;

    @Inject
    private EditsModel edits;

    @Inject
    private IEclipseContext context;

    @Inject
    private UISynchronize ui;

    private Composite body;
    private ScrolledComposite scroller;
    private Label title;
    private Label message;
    private final Map<String, Control> vendorFields = new LinkedHashMap<>();
    private final Map<String, Control> contractFields = new LinkedHashMap<>();
    private final Map<Control, ControlDecoration> decorations = new LinkedHashMap<>();
    /** Fields showing a value that was refused: a reload must not overwrite what the person typed. */
    private final Set<Control> refused = new HashSet<>();
    private Table contracts;
    private Label terms;
    private Table documents;
    private Table clauses;
    private String vendorId;
    private String contractId;
    private List<ClauseRow> clauseRows = List.of();
    private Job evidenceJob;
    /**
     * What the index said last, and of which contract: shown again while it is read anew after an edit, rather than
     * every row going back to "looking..." for as long as another job holds the index.
     */
    private Optional<IndexAnswer> lastAnswer = Optional.empty();

    /** One line of the clause list: what a check would conclude for the contract and why. */
    private record ClauseRow(String type, String state, String why, Optional<ClauseRecord> manual) {
    }

    /**
     * What the document index says of a contract's required clauses: its hits, and per type found in no document why
     * it is unknown rather than missing (see ClauseEvidence#whyUnknown).
     */
    private record IndexAnswer(String contractId, List<ClauseHit> hits, Map<String, String> unknown, Map<String, String> unread) {
    }

    @PostConstruct
    void create(Composite parent) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        scroller = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        body = new Composite(scroller, SWT.NONE);
        scroller.setContent(body);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        // Keyboard users tab through more fields than fit: keep the focused one in view.
        scroller.setShowFocusedControl(true);
        GridLayoutFactory.fillDefaults().margins(8, 8).numColumns(1).applyTo(body);

        title = new Label(body, SWT.NONE);
        title.setData(VendorsPart.TEST_ID, "editor.title");
        title.setFont(org.eclipse.jface.resource.JFaceResources.getBannerFont());
        GridDataFactory.fillDefaults().grab(true, false).applyTo(title);
        message = new Label(body, SWT.WRAP);
        message.setData(VendorsPart.TEST_ID, "editor.message");
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(message);

        Group vendor = group("Vendor", 4);
        vendorFields.put(VendorDraft.NAME, text(vendor, "Name", "editor.vendor.name", this::commitVendor, VendorDraft.NAME));
        vendorFields.put(VendorDraft.CATEGORY, text(vendor, "Category", "editor.vendor.category", this::commitVendor, VendorDraft.CATEGORY));
        vendorFields.put(VendorDraft.CRITICALITY, combo(vendor, "Criticality", "editor.vendor.criticality",
                Criticality.values(), this::commitVendor, VendorDraft.CRITICALITY));

        Group contractGroup = group("Contracts", 4);
        contracts = table(contractGroup, "editor.contracts", 4, 90, "Contract", "Type", "Status", "Ends");
        contracts.addListener(SWT.Selection, e -> {
            int i = contracts.getSelectionIndex();
            if (i >= 0) {
                contractId = (String) contracts.getItem(i).getData();
                forgetRefused();
                show();
            }
        });
        for (Map.Entry<String, String> field : CONTRACT_LABELS.entrySet()) {
            String id = "editor.contract." + field.getKey();
            Control control = switch (field.getKey()) {
                case ContractDraft.RENEWAL -> combo(contractGroup, field.getValue(), id, RenewalKind.values(), this::commitContract, field.getKey());
                case ContractDraft.STATUS -> combo(contractGroup, field.getValue(), id, ContractStatus.values(), this::commitContract, field.getKey());
                default -> text(contractGroup, field.getValue(), id, this::commitContract, field.getKey());
            };
            contractFields.put(field.getKey(), control);
        }
        terms = new Label(contractGroup, SWT.WRAP);
        terms.setData(VendorsPart.TEST_ID, "editor.terms");
        GridDataFactory.fillDefaults().span(4, 1).grab(true, false).hint(400, SWT.DEFAULT).applyTo(terms);

        Group documentGroup = group("Documents (drop files here to attach them)", 1);
        // A path: room for "documents/C-2/name.pdf". Read: whether the index could read it, and why not.
        documents = table(documentGroup, "editor.documents", 3, 130, "Document", "Title", "Read");
        Button attach = new Button(documentGroup, SWT.PUSH);
        attach.setText("&Attach Documents...");
        attach.setData(VendorsPart.TEST_ID, "editor.attach");
        attach.addListener(SWT.Selection, e -> chooseAndAttach());
        dropFilesOn(documentGroup);
        dropFilesOn(documents);

        Group clauseGroup = group("Clauses the requirement profile asks for", 1);
        clauses = table(clauseGroup, "editor.clauses", 6, 110, "Clause", "Status", "Evidence or reason");
        Composite actions = new Composite(clauseGroup, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).applyTo(actions);
        button(actions, "&Waive...", "editor.clause.waive", () -> markClause(ClauseState.WAIVED));
        button(actions, "Mark &Present", "editor.clause.present", () -> markClause(ClauseState.PRESENT));
        button(actions, "Mark &Missing", "editor.clause.missing", () -> markClause(ClauseState.MISSING));
        button(actions, "&Use Documents", "editor.clause.clear", this::clearClause);
        if (context.get(CHOSEN_VENDOR) instanceof String chosen) {
            vendorId = chosen; // chosen before this editor was created; show() says so if it is not in the workspace
        }
        show();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void vendorSelected(@UIEventTopic(TOPIC_SELECTED) String id) {
        if (body == null || body.isDisposed() || id.equals(vendorId)) {
            return;
        }
        vendorId = id;
        contractId = null;
        forgetRefused();
        show();
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String folder) {
        if (body != null && !body.isDisposed()) {
            show();
        }
    }

    /** Another workspace: its vendors are other vendors, and the last edit's message was about that one. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceOpened(@UIEventTopic(WorkspaceModel.TOPIC_OPENED) String folder) {
        if (body != null && !body.isDisposed()) {
            vendorId = null;
            contractId = null;
            lastAnswer = Optional.empty(); // its contracts may have the same ids as the last workspace's
            forgetRefused();
        }
    }

    /** Drops the marks of values that were refused: the fields show what is stored again. */
    private void forgetRefused() {
        refused.clear();
        decorations.values().forEach(ControlDecoration::hide);
        say("");
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void edited(@UIEventTopic(EditsModel.TOPIC_EDITED) String label) {
        if (message != null && !message.isDisposed() && refused.isEmpty()) {
            say(label.startsWith("Undo ") || label.startsWith("Redo ") ? label + "." : "Saved: " + label + ".");
        }
    }

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void refusedByStore(@UIEventTopic(EditsModel.TOPIC_REFUSED) String why) {
        if (message != null && !message.isDisposed()) {
            say("Not saved: " + why);
        }
    }

    private WorkspaceData data() {
        return workspaces.current().map(WorkspaceModel.Opened::data).orElse(WorkspaceData.EMPTY);
    }

    private Optional<Vendor> vendor() {
        return data().vendors().stream().filter(v -> v.id().equals(vendorId)).findFirst();
    }

    private Optional<Contract> contract() {
        return data().contracts().stream().filter(c -> c.id().equals(contractId) && c.vendorId().equals(vendorId)).findFirst();
    }

    private void show() {
        Optional<Vendor> vendor = vendor();
        title.setText(vendor.map(v -> v.id() + "  " + v.name()).orElse("Choose a vendor in the Vendors list (Enter or double-click)"));
        // Without a vendor (or contract) the fields are emptied: greyed out, another workspace's values still read as data.
        vendor.map(v -> VendorDraft.of(v).fields()).orElse(blank(vendorFields))
                .forEach((field, value) -> setValue(vendorFields.get(field), value));
        setEnabled(vendorFields.values(), vendor.isPresent());

        List<Contract> own = vendor.map(v -> data().contracts().stream().filter(c -> c.vendorId().equals(v.id())).toList())
                .orElse(List.of());
        if (contractId == null || own.stream().noneMatch(c -> c.id().equals(contractId))) {
            contractId = own.isEmpty() ? null : own.get(0).id();
        }
        contracts.removeAll();
        LocalDate today = LocalDate.now();
        for (Contract c : own) {
            TableItem item = new TableItem(contracts, SWT.NONE);
            item.setData(c.id());
            // The id as the checklist's reasons name it ("C-012: notice deadline ..."), with the city's number as the PDF
            // gives it: by the number alone a contract named in a finding could not be found here.
            String name = c.number().isEmpty() || c.number().equals(c.id()) ? c.id() : c.id() + " (" + c.number() + ")";
            item.setText(new String[] { name, c.type(),
                    c.status().name().toLowerCase(Locale.ROOT), ends(c, today) });
            if (c.id().equals(contractId)) {
                contracts.setSelection(item);
            }
        }
        Optional<Contract> contract = contract();
        contract.map(c -> ContractDraft.of(c).fields()).orElse(blank(contractFields))
                .forEach((field, value) -> setValue(contractFields.get(field), value));
        setEnabled(contractFields.values(), contract.isPresent());
        terms.setText(contract.map(c -> ContractTerms.describe(c, today)).orElse(vendor.isPresent() ? "This vendor has no contracts." : ""));

        documents.removeAll();
        contract.ifPresent(c -> c.documents().forEach(d -> {
            TableItem item = new TableItem(documents, SWT.NONE);
            item.setText(new String[] { d.path(), d.title() });
        }));
        showClauses(contract, lastAnswer.filter(answer -> contract.isPresent() && answer.contractId().equals(contract.get().id())));
        contract.ifPresent(this::loadEvidence);
        relayout();
    }

    /** Every field empty. */
    private static Map<String, String> blank(Map<String, Control> fields) {
        Map<String, String> blank = new LinkedHashMap<>();
        fields.keySet().forEach(field -> blank.put(field, ""));
        return blank;
    }

    /** When the contract ends: the end of the commitment, the day it ended, or unknown (no start or term). */
    private static String ends(Contract c, LocalDate today) {
        if (c.status() == ContractStatus.EXPIRED || c.status() == ContractStatus.TERMINATED) {
            return c.status().name().toLowerCase(Locale.ROOT); // recorded so: its dates say nothing to plan by
        }
        // The last day, as the terms above it are given (a term's end is the day after it).
        return ContractTerms.endOfCommitment(c, today).map(end -> end.minusDays(1).toString())
                .or(() -> ContractTerms.ended(c, today).map(end -> "ended " + end.minusDays(1))).orElse("unknown");
    }

    /** Evidence comes from the document index, which may be busy with a job: read it in the background. */
    private void loadEvidence(Contract c) {
        if (evidenceJob != null) {
            evidenceJob.cancel();
        }
        var opened = workspaces.current();
        if (opened.isEmpty()) {
            return;
        }
        List<String> types = ProfilePreferences.load().requirements().stream().map(Requirement::clauseType).toList();
        Path folder = opened.get().folder();
        Job job = Job.create("Reading the clauses of " + c.id(), (IProgressMonitor monitor) -> {
            List<ClauseHit> hits = new ArrayList<>();
            Map<String, String> unknown = new LinkedHashMap<>();
            Map<String, String> unread = new LinkedHashMap<>(); // by path: read once for the documents list and every type
            try (DocumentIndex index = DocumentIndex.open(folder, workspaces.detector(folder))) {
                // After the clause types changed (the workspace's clauses.yaml, a plugin) the index holds nothing
                // until the documents are read again; otherwise it is read as it is, without hashing every document.
                if (index.startedAfresh()) {
                    index.update(folder, opened.get().data(), problem -> { }, monitor::isCanceled);
                }
                unread.putAll(index.unread(c));
                for (String type : types) {
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    boolean detected = index.detects(type);
                    List<ClauseHit> found = detected ? index.find(c.id(), type) : List.of();
                    hits.addAll(found);
                    if (found.isEmpty()) {
                        ClauseEvidence.whyUnknown(detected, unread).ifPresent(why -> unknown.put(type, why));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not "missing" (nor "looking..." for ever) for want of an index: say why nothing is known.
                hits.clear();
                types.forEach(type -> unknown.put(type, "cannot be looked for: the document index cannot be read (" + e.getMessage() + ")"));
                show(c, hits, unknown, Map.of());
                return Status.warning("Cannot read the document index: " + e.getMessage());
            }
            show(c, hits, unknown, unread);
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setRule(WorkspaceModel.INDEX_RULE);
        evidenceJob = job;
        job.schedule();
    }

    private void show(Contract c, List<ClauseHit> hits, Map<String, String> unknown, Map<String, String> unread) {
        ui.asyncExec(() -> {
            if (!clauses.isDisposed() && c.id().equals(contractId)) {
                lastAnswer = Optional.of(new IndexAnswer(c.id(), hits, unknown, unread));
                showClauses(contract(), lastAnswer);
            }
        });
    }

    /** {@code index}: empty while the index is still being read; a type neither recorded nor read yet is not called missing. */
    private void showClauses(Optional<Contract> contract, Optional<IndexAnswer> index) {
        // Each document: read, or why not (red): the reason a clause is unknown rather than missing.
        for (TableItem item : documents.getItems()) {
            String why = index.map(answer -> answer.unread().get(item.getText(0))).orElse(null);
            item.setText(2, index.isEmpty() ? "" : why == null ? "yes" : "no: " + why);
            item.setForeground(2, why == null ? null : documents.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
        List<ClauseHit> hits = index.map(IndexAnswer::hits).orElse(List.of());
        Map<String, String> unknown = index.map(IndexAnswer::unknown).orElse(Map.of());
        int selected = clauses.getSelectionIndex();
        clauses.removeAll();
        List<ClauseRow> rows = new ArrayList<>();
        if (contract.isPresent()) {
            List<ClauseRecord> records = data().clauses().stream().filter(r -> r.contractId().equals(contractId)).toList();
            Set<String> types = new java.util.LinkedHashSet<>();
            List<Requirement> required = ProfilePreferences.load().requirements();
            required.forEach(r -> types.add(r.clauseType()));
            records.forEach(r -> types.add(r.clauseType()));
            for (String type : types) {
                Optional<ClauseRecord> manual = records.stream().filter(r -> r.clauseType().equals(type)).findFirst();
                List<ClauseHit> ofType = ClauseHit.inDocumentOrder(hits.stream().filter(h -> h.clauseType().equals(type))
                        .toList(), contract.get());
                Optional<ClauseHit> hit = ofType.stream().findFirst();
                if (manual.isPresent()) {
                    ClauseRecord r = manual.get();
                    rows.add(new ClauseRow(type, r.state().name().toLowerCase(Locale.ROOT) + " (by hand)",
                            r.state() == ClauseState.WAIVED ? r.reason() : r.document().isEmpty() ? r.reason() : r.document(), manual));
                } else if (hit.isPresent()) {
                    // Judged by every requirement of the type on the hit the checks judge (Requirement.judged, .judge),
                    // the worst shown: the list must not call "found" what the checklist fails.
                    ClauseHit h = hit.get();
                    Requirement.Verdict verdict = Requirement.Verdict.MET;
                    Requirement worst = null;
                    for (Requirement r : required) {
                        if (!r.clauseType().equals(type)) {
                            continue;
                        }
                        ClauseHit judged = r.judged(ofType);
                        Requirement.Verdict v = r.judge(judged);
                        if (v.compareTo(verdict) > 0) {
                            verdict = v;
                            worst = r;
                            h = judged;
                        }
                    }
                    String where = h.document() + (h.page().isPresent() ? " p. " + h.page().getAsInt() : "")
                            + ": " + h.snippet().replaceAll("\\s+", " ");
                    rows.add(switch (verdict) {
                        case MET -> new ClauseRow(type, "found", where, Optional.empty());
                        case NO_VALUE -> new ClauseRow(type, "found, no " + Requirement.valueName(worst.valueKey().orElseThrow()),
                                "required " + worst.atMost().orElseThrow() + "; " + where, Optional.empty());
                        case OVER_LIMIT -> new ClauseRow(type, TOO_WEAK, "states " + worst.amount(worst.stated(h).getAsDouble())
                                .orElseThrow() + ", required " + worst.atMost().orElseThrow() + "; " + where, Optional.empty());
                    });
                } else if (index.isEmpty()) {
                    rows.add(new ClauseRow(type, "looking...", "reading the document index", Optional.empty()));
                } else if (unknown.containsKey(type)) {
                    rows.add(new ClauseRow(type, "unknown", unknown.get(type), Optional.empty()));
                } else {
                    rows.add(new ClauseRow(type, "missing", contract.get().documents().isEmpty() ? "no documents attached"
                            : "not found in the attached documents", Optional.empty()));
                }
            }
        }
        clauseRows = List.copyOf(rows);
        for (ClauseRow row : rows) {
            TableItem item = new TableItem(clauses, SWT.NONE);
            item.setText(new String[] { row.type(), row.state(), row.why() });
            if (row.state().equals("missing") || row.state().equals(TOO_WEAK)) {
                item.setForeground(1, clauses.getDisplay().getSystemColor(SWT.COLOR_RED));
            }
        }
        if (selected >= 0 && selected < rows.size()) {
            clauses.setSelection(selected);
        }
    }

    private void commitVendor(String field) {
        Optional<Vendor> vendor = vendor();
        Control control = vendorFields.get(field);
        if (vendor.isEmpty() || control.isDisposed()) {
            return;
        }
        VendorDraft draft = VendorDraft.of(vendor.get()).with(field, valueOf(control));
        if (check(control, draft.problems(field), "")) {
            Vendor changed = draft.apply(vendor.get());
            if (!changed.equals(vendor.get())) {
                edits.apply(Edit.vendor(data(), changed, "change " + field + " of " + changed.id()));
            }
        }
    }

    private void commitContract(String field) {
        Optional<Contract> contract = contract();
        Control control = contractFields.get(field);
        if (contract.isEmpty() || control.isDisposed()) {
            return;
        }
        ContractDraft draft = ContractDraft.of(contract.get()).with(field, valueOf(control));
        // Rules across fields (e.g. notice longer than the term) are shown on the field just edited.
        List<FieldProblem> problems = draft.problems();
        List<FieldProblem> own = problems.stream().filter(p -> p.field().equals(field)).toList();
        if (check(control, own.isEmpty() ? problems : own, CONTRACT_LABELS.get(field) + ": ")) {
            Contract changed = draft.apply(contract.get());
            if (!changed.equals(contract.get())) {
                edits.apply(Edit.contract(data(), changed, "change " + CONTRACT_LABELS.get(field).replaceAll(" \\(.*", "").toLowerCase(Locale.ROOT)
                        + " of " + changed.id()));
            }
        }
    }

    /** Marks the field and says why when there are problems; clears the mark otherwise. */
    private boolean check(Control control, List<FieldProblem> problems, String prefix) {
        ControlDecoration decoration = decorations.get(control);
        if (problems.isEmpty()) {
            decoration.hide();
            refused.remove(control);
            if (refused.isEmpty()) {
                say("");
            }
            return true;
        }
        String why = problems.get(0).message();
        decoration.setDescriptionText(why);
        decoration.show();
        refused.add(control);
        say("Not saved. " + prefix + why);
        return false;
    }

    private void markClause(ClauseState state) {
        int i = clauses.getSelectionIndex();
        if (i < 0 || i >= clauseRows.size() || contractId == null) {
            say("Choose a clause in the list first.");
            return;
        }
        String type = clauseRows.get(i).type();
        String reason = "";
        if (state == ClauseState.WAIVED) {
            InputDialog ask = new InputDialog(body.getShell(), "Waive " + type, "Why does " + contractId + " not need "
                    + type + "? The reason is shown in reports next to the finding.", "",
                    text -> text.isBlank() ? "A waiver needs a reason." : null);
            if (ask.open() != Window.OK) {
                return;
            }
            reason = ask.getValue().strip();
        }
        ClauseRecord record = new ClauseRecord(contractId, type, state, reason, "", "", ClauseSource.MANUAL);
        edits.apply(Edit.clause(data(), record, state.name().toLowerCase(Locale.ROOT).replace("waived", "waive")
                .replace("present", "mark present").replace("missing", "mark missing") + " " + type + " in " + contractId));
    }

    private void clearClause() {
        int i = clauses.getSelectionIndex();
        if (i < 0 || i >= clauseRows.size() || clauseRows.get(i).manual().isEmpty()) {
            say("Choose a clause recorded by hand: the documents already decide the others.");
            return;
        }
        edits.apply(Edit.withdraw(data(), ClauseKey.of(clauseRows.get(i).manual().get()),
                "use the documents for " + clauseRows.get(i).type() + " in " + contractId));
    }

    private void chooseAndAttach() {
        if (contractId == null) {
            say("Choose a contract to attach documents to.");
            return;
        }
        DocumentChooser chooser = Optional.ofNullable(context.get(DocumentChooser.class)).orElse(DocumentChooser.DIALOG);
        List<Path> files = chooser.choose(body.getShell(), "Attach documents to " + contractId);
        if (!files.isEmpty()) {
            attach(files);
        }
    }

    private void attach(List<Path> files) {
        say("Attaching and indexing " + files.size() + (files.size() == 1 ? " document" : " documents") + " in the background...");
        edits.attach(contractId, files);
    }

    private void dropFilesOn(Control control) {
        DropTarget target = new DropTarget(control, DND.DROP_COPY | DND.DROP_DEFAULT);
        target.setTransfer(new Transfer[] { FileTransfer.getInstance() });
        target.addDropListener(new DropTargetAdapter() {
            @Override
            public void dragEnter(DropTargetEvent event) {
                event.detail = contractId == null ? DND.DROP_NONE : DND.DROP_COPY;
            }

            @Override
            public void drop(DropTargetEvent event) {
                if (contractId != null && event.data instanceof String[] names && names.length > 0) {
                    attach(java.util.Arrays.stream(names).map(Path::of).toList());
                }
            }
        });
    }

    private void say(String text) {
        // Only a changed message relayouts: focus moving between fields must not move the fields.
        if (!message.getText().equals(text)) {
            message.setText(text);
            relayout();
        }
    }

    private void relayout() {
        body.layout(true, true);
        scroller.setMinSize(body.computeSize(560, SWT.DEFAULT));
    }

    private Group group(String text, int columns) {
        Group group = new Group(body, SWT.NONE);
        group.setText(text);
        GridLayoutFactory.swtDefaults().numColumns(columns).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    private Text text(Composite parent, String label, String testId, java.util.function.Consumer<String> commit, String field) {
        new Label(parent, SWT.NONE).setText(label + ":");
        Text text = new Text(parent, SWT.BORDER);
        text.setData(VendorsPart.TEST_ID, testId);
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).hint(140, SWT.DEFAULT).applyTo(text);
        decorate(text);
        text.addListener(SWT.DefaultSelection, e -> commit.accept(field));
        text.addListener(SWT.FocusOut, e -> commit.accept(field));
        return text;
    }

    private Combo combo(Composite parent, String label, String testId, Enum<?>[] choices,
            java.util.function.Consumer<String> commit, String field) {
        new Label(parent, SWT.NONE).setText(label + ":");
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        combo.setData(VendorsPart.TEST_ID, testId);
        for (Enum<?> choice : choices) {
            combo.add(choice.name().toLowerCase(Locale.ROOT));
        }
        GridDataFactory.fillDefaults().grab(true, false).indent(8, 0).applyTo(combo);
        decorate(combo);
        combo.addListener(SWT.Selection, e -> commit.accept(field));
        return combo;
    }

    private void decorate(Control control) {
        ControlDecoration decoration = new ControlDecoration(control, SWT.LEFT | SWT.CENTER);
        decoration.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        decoration.hide();
        decorations.put(control, decoration);
    }

    private Table table(Composite parent, String testId, int rows, int firstWidth, String... columns) {
        Table table = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(VendorsPart.TEST_ID, testId);
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = new TableColumn(table, SWT.LEFT);
            column.setText(columns[i]);
            column.setWidth(i == 0 ? firstWidth * 2 : i == columns.length - 1 ? 420 : 110);
        }
        GridDataFactory.fillDefaults().grab(true, false).span(parent.getLayout() instanceof org.eclipse.swt.layout.GridLayout g
                ? g.numColumns : 1, 1).hint(SWT.DEFAULT, table.getItemHeight() * rows + table.getHeaderHeight()).applyTo(table);
        return table;
    }

    private static void button(Composite parent, String text, String testId, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.setData(VendorsPart.TEST_ID, testId);
        button.addListener(SWT.Selection, e -> action.run());
    }

    private void setValue(Control control, String value) {
        if (refused.contains(control)) {
            return;
        }
        if (control instanceof Text text && !text.getText().equals(value)) {
            text.setText(value);
        } else if (control instanceof Combo combo) {
            int index = combo.indexOf(value);
            if (index >= 0) {
                combo.select(index);
            } else {
                combo.deselectAll();
            }
        }
    }

    private static String valueOf(Control control) {
        return control instanceof Text text ? text.getText() : ((Combo) control).getText();
    }

    private static void setEnabled(java.util.Collection<Control> controls, boolean enabled) {
        controls.forEach(c -> c.setEnabled(enabled));
    }

    @Focus
    void focus() {
        vendorFields.get(VendorDraft.NAME).setFocus();
    }
}
