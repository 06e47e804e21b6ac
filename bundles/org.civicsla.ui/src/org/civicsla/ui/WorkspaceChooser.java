package org.civicsla.ui;

import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks which workspace folder to open, and whether a folder that is not a workspace yet should become one.
 * The workbench uses the native folder dialog and a question dialog; a different chooser put in the
 * application's context replaces them (the UI tests do, since no test can drive a native dialog).
 */
@FunctionalInterface
public interface WorkspaceChooser {

    /** The chosen folder; empty when the person cancelled. {@code current} is where the dialog starts. */
    Optional<Path> choose(Shell shell, Optional<Path> current);

    /**
     * Whether to make {@code folder} a new, empty workspace; {@code question} says why it is asked (the folder
     * does not exist, or holds other files).
     */
    default boolean confirmNew(Shell shell, Path folder, String question) {
        return MessageDialog.openQuestion(shell, "New Workspace", question);
    }

    WorkspaceChooser DIALOG = (shell, current) -> {
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Open Workspace");
        dialog.setMessage("Choose a CivicSLA workspace folder (an empty folder starts a new workspace).");
        current.ifPresent(folder -> dialog.setFilterPath(folder.toString()));
        return Optional.ofNullable(dialog.open()).map(Path::of);
    };
}
