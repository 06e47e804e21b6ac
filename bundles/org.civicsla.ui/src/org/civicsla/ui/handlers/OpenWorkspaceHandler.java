package org.civicsla.ui.handlers;

import org.civicsla.ui.WorkspaceChooser;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File > Open Workspace: choose a workspace folder; an empty folder becomes a new workspace. */
public final class OpenWorkspaceHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell, WorkspaceModel model, @Optional WorkspaceChooser chooser) {
        (chooser == null ? WorkspaceChooser.DIALOG : chooser)
                .choose(shell, model.current().map(WorkspaceModel.Opened::folder))
                .ifPresent(model::open);
    }
}
