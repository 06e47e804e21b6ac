package org.civicsla.ui.handlers;

import java.nio.file.Path;

import org.civicsla.ui.WorkspaceModel;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File > Open Workspace: choose a workspace folder; an empty folder becomes a new workspace. */
public final class OpenWorkspaceHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, WorkspaceModel model) {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Open Workspace");
        dialog.setMessage("Choose a CivicSLA workspace folder (an empty folder starts a new workspace).");
        model.current().ifPresent(opened -> dialog.setFilterPath(opened.folder().toString()));
        String chosen = dialog.open();
        if (chosen != null) {
            model.open(Path.of(chosen));
        }
    }
}
