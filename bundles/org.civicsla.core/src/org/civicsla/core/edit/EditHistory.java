package org.civicsla.core.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

import org.civicsla.core.store.WorkspaceStore;

/**
 * Undo and redo of a person's edits to one workspace store. Every step is one store transaction, so
 * an undo is as durable as the edit it takes back. The history is bounded and is {@link #clear()}ed
 * when something else (an import) rewrites the records, since its inverses no longer describe the store.
 */
public final class EditHistory {

    static final int LIMIT = 200;

    private final WorkspaceStore store;
    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();

    public EditHistory(WorkspaceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public WorkspaceStore store() {
        return store;
    }

    /** Stores the edit; if the store refuses it, nothing is recorded and the store's error is thrown. */
    public synchronized void apply(Edit edit) {
        store.apply(edit.change());
        done.push(edit);
        if (done.size() > LIMIT) {
            done.removeLast();
        }
        undone.clear();
    }

    /** Takes back the last edit; empty when there is nothing to undo. */
    public synchronized Optional<Edit> undo() {
        Edit edit = done.peek();
        if (edit == null) {
            return Optional.empty();
        }
        store.apply(edit.inverse());
        done.pop();
        undone.push(edit);
        return Optional.of(edit);
    }

    /** Makes the last undone edit again; empty when there is nothing to redo. */
    public synchronized Optional<Edit> redo() {
        Edit edit = undone.peek();
        if (edit == null) {
            return Optional.empty();
        }
        store.apply(edit.change());
        undone.pop();
        done.push(edit);
        return Optional.of(edit);
    }

    /**
     * Takes back {@code edit} as if it had never been made, when it is still the last one done: a cancelled
     * operation leaves nothing to redo (an attach whose copies are gone). False when another edit came after it.
     */
    public synchronized boolean retract(Edit edit) {
        if (done.peek() != edit) {
            return false;
        }
        store.apply(edit.inverse());
        done.pop();
        return true;
    }

    public synchronized Optional<String> undoLabel() {
        return Optional.ofNullable(done.peek()).map(Edit::label);
    }

    public synchronized Optional<String> redoLabel() {
        return Optional.ofNullable(undone.peek()).map(Edit::label);
    }

    public synchronized void clear() {
        done.clear();
        undone.clear();
    }
}
