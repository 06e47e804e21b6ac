package org.civicsla.ui.handlers;

import org.civicsla.ui.EditsModel;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/** Edit > Redo: makes the last undone edit again. */
public final class RedoHandler {

    @CanExecute
    boolean canExecute(EditsModel edits) {
        return edits.redoLabel().isPresent();
    }

    @Execute
    void execute(EditsModel edits) {
        edits.redo();
    }
}
