package org.civicsla.ui.handlers;

import org.civicsla.ui.EditsModel;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;

/** Edit > Undo: takes back the last edit of a vendor, contract, document or clause. */
public final class UndoHandler {

    @CanExecute
    boolean canExecute(EditsModel edits) {
        return edits.undoLabel().isPresent();
    }

    @Execute
    void execute(EditsModel edits) {
        edits.undo();
    }
}
