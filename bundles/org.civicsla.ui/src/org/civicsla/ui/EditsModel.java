package org.civicsla.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.civicsla.core.edit.Edit;
import org.civicsla.core.edit.EditHistory;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.index.DocumentIndex;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.MultiRule;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * A person's edits to the open workspace, with undo and redo. Each edit is stored in a short Job (one
 * store transaction) so the UI never waits on the database; edits run one after another in the order
 * they were made. After each, the workspace is re-read and the parts (and the checks) follow.
 */
@Creatable
@Singleton
public final class EditsModel {

    /** Posted (with the edit's label, or a refusal message) after an edit, undo or redo. */
    public static final String TOPIC_EDITED = "org/civicsla/edits/done";
    /** Posted (with a message) when the store refused an edit; nothing was changed. */
    public static final String TOPIC_REFUSED = "org/civicsla/edits/refused";

    /** Edits run in the order they were made. */
    private static final ISchedulingRule EDIT_RULE = new ISchedulingRule() {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule == this;
        }
    };

    @Inject
    private WorkspaceModel workspaces;

    @Inject
    private IEventBroker events;

    private EditHistory history;

    /** Stores {@code edit} (made on the current snapshot) in the background. */
    public Job apply(Edit edit) {
        return schedule(edit.label(), h -> {
            h.apply(edit);
            return Optional.of(edit);
        });
    }

    public Job undo() {
        return schedule("Undo", EditHistory::undo);
    }

    public Job redo() {
        return schedule("Redo", EditHistory::redo);
    }

    public synchronized Optional<String> undoLabel() {
        return current().flatMap(EditHistory::undoLabel);
    }

    public synchronized Optional<String> redoLabel() {
        return current().flatMap(EditHistory::redoLabel);
    }

    /** Forgets the history: called when an import rewrote records the inverses describe. */
    public synchronized void clear() {
        current().ifPresent(EditHistory::clear);
    }

    /**
     * Copies {@code files} into the workspace's documents folder (unless they are inside it already),
     * attaches them to the contract as one undoable edit and indexes them, in one background Job with
     * progress and cancel. A file that cannot be copied attaches nothing.
     */
    public Job attach(String contractId, List<Path> files) {
        Job job = Job.create("Attaching " + (files.size() == 1 ? files.get(0).getFileName() : files.size() + " documents")
                + " to " + contractId, (IProgressMonitor monitor) -> {
                    var opened = workspaces.current();
                    if (opened.isEmpty()) {
                        return Status.warning("No workspace is open");
                    }
                    Path folder = opened.get().folder();
                    // Reading the documents is most of the work: the bar follows it, not the copying.
                    SubMonitor progress = SubMonitor.convert(monitor, "Attaching documents to " + contractId, 100);
                    SubMonitor copying = progress.newChild(10).setWorkRemaining(files.size());
                    List<DocumentRef> documents = new ArrayList<>();
                    List<Path> copies = new ArrayList<>();
                    try {
                        for (Path file : files) {
                            if (monitor.isCanceled()) {
                                deleteCopies(folder, copies);
                                return Status.CANCEL_STATUS; // "Cancelled: Attaching ..." in the status bar
                            }
                            copying.subTask("Copying " + file.getFileName());
                            String path = place(folder, contractId, file);
                            Path placed = folder.resolve(path).toAbsolutePath().normalize();
                            if (!placed.equals(file.toAbsolutePath().normalize())) { // place copied it
                                copies.add(placed);
                            }
                            documents.add(new DocumentRef(contractId, path, ""));
                            copying.worked(1);
                        }
                    } catch (IOException e) {
                        deleteCopies(folder, copies);
                        return Status.error("Cannot attach " + e.getMessage() + " (nothing was attached)", e);
                    }
                    EditHistory h = history();
                    Edit edit = Edit.attach(h.store().snapshot(), contractId, documents);
                    try {
                        h.apply(edit);
                    } catch (RuntimeException e) {
                        deleteCopies(folder, copies);
                        events.post(TOPIC_REFUSED, e.getMessage());
                        return Status.error(e.getMessage(), e);
                    }
                    progress.subTask("Indexing the attached documents");
                    IStatus indexed = index(folder, h.store().snapshot(), progress.newChild(90), monitor::isCanceled,
                            contractId);
                    if (indexed.getSeverity() == IStatus.CANCEL) {
                        // Cancel means the attach did not happen: the edit is taken back and the copies removed (the
                        // index drops their entries at its next update, as for any detached document).
                        if (h.retract(edit)) {
                            deleteCopies(folder, copies);
                        }
                        workspaces.reload();
                        events.post(TOPIC_EDITED, "cancelled: " + edit.label());
                        return Status.CANCEL_STATUS; // "Cancelled: Attaching ..." in the status bar
                    }
                    workspaces.reload();
                    events.post(TOPIC_EDITED, edit.label());
                    return indexed;
                });
        job.setUser(true);
        job.setRule(MultiRule.combine(EDIT_RULE, WorkspaceModel.INDEX_RULE));
        job.schedule();
        return job;
    }

    /** Where an attached file lives: as it is when inside the workspace, else copied below documents/. */
    static String place(Path workspace, String contractId, Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path root = workspace.toAbsolutePath().normalize();
        if (!Files.isRegularFile(absolute)) {
            throw new IOException(file + ": not a readable file");
        }
        if (absolute.startsWith(root)) {
            return root.relativize(absolute).toString().replace('\\', '/');
        }
        // Copied, so the workspace stays complete when it is moved or shared; an existing copy of the
        // same name is kept and this one gets a numbered name, so an attach never overwrites a document.
        Path target = root.resolve("documents").resolve(safe(contractId));
        Files.createDirectories(target);
        String name = absolute.getFileName().toString();
        Path copy = target.resolve(name);
        for (int n = 2; Files.exists(copy); n++) {
            int dot = name.lastIndexOf('.');
            copy = target.resolve(dot > 0 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n);
        }
        Path partial = Files.createTempFile(target, ".attach", ".part");
        try {
            Files.copy(absolute, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return root.relativize(copy).toString().replace('\\', '/');
    }

    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** Copies this attach made in the workspace, removed when it is cancelled or fails. */
    private static void deleteCopies(Path folder, List<Path> copies) {
        for (Path copy : copies) {
            try {
                Files.deleteIfExists(copy);
            } catch (IOException e) {
                // Left behind: an unattached file in documents/ loses nothing and is overwritten by no later attach.
            }
        }
        // The contract's folder below documents/, when this attach made it and nothing else is in it.
        copies.stream().map(Path::getParent).distinct().forEach(parent -> {
            try (var left = Files.list(parent)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(parent);
                }
            } catch (IOException e) {
                // Kept: not empty, or not ours to remove.
            }
        });
    }

    /** Indexes the workspace's documents; {@code contractId}: whose unreadable documents the result tells of. */
    private IStatus index(Path folder, WorkspaceData data, SubMonitor progress, java.util.function.BooleanSupplier cancelled,
            String contractId) {
        List<String> problems = new ArrayList<>();
        try (DocumentIndex index = DocumentIndex.open(folder, workspaces.detector(folder))) {
            int[] told = { 0 };
            index.update(folder, data, problems::add, cancelled, (finished, total) -> {
                if (finished == 0) {
                    progress.setWorkRemaining(Math.max(total, 1));
                }
                progress.worked(finished - told[0]);
                told[0] = finished;
                progress.subTask("Indexing the attached documents: " + finished + " of " + total);
            });
        } catch (IOException e) {
            return Status.error("The documents were attached but not indexed: " + e.getMessage(), e);
        }
        if (cancelled.getAsBoolean()) {
            return Status.CANCEL_STATUS;
        }
        // Only this contract's: another's unreadable documents are not news of this attach (the checklist says how
        // many are unreadable in all).
        List<String> ours = problems.stream().filter(p -> p.startsWith(contractId + ": ")).toList();
        return ours.isEmpty() ? Status.OK_STATUS
                : Status.warning("Attached; some documents could not be read: " + String.join("; ", ours));
    }

    private Job schedule(String name, Function<EditHistory, Optional<Edit>> step) {
        Job job = Job.create(name, (IProgressMonitor monitor) -> {
            Optional<Edit> done;
            try {
                done = step.apply(history());
            } catch (RuntimeException e) {
                events.post(TOPIC_REFUSED, e.getMessage());
                return Status.error(e.getMessage(), e);
            }
            if (done.isPresent()) {
                workspaces.reload();
                events.post(TOPIC_EDITED, (name.equals("Undo") || name.equals("Redo") ? name + " " : "") + done.get().label());
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.setRule(EDIT_RULE);
        job.schedule();
        return job;
    }

    /** The history of the open workspace's store; a newly opened workspace starts with an empty one. */
    private synchronized EditHistory history() {
        var opened = workspaces.current().orElseThrow(() -> new IllegalStateException("No workspace is open"));
        if (history == null || history.store() != opened.store()) {
            history = new EditHistory(opened.store());
        }
        return history;
    }

    private synchronized Optional<EditHistory> current() {
        var opened = workspaces.current();
        return opened.isPresent() && history != null && history.store() == opened.get().store() ? Optional.of(history)
                : Optional.empty();
    }
}
