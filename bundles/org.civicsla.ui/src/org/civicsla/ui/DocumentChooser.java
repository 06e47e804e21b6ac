package org.civicsla.ui;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Asks which files to attach. The workbench uses the native file dialog; a different chooser put in
 * the application's context replaces it (the UI tests do, since no test can drive a native dialog).
 */
@FunctionalInterface
public interface DocumentChooser {

    /** The chosen files; empty when the person cancelled. */
    List<Path> choose(Shell shell, String title);

    DocumentChooser DIALOG = (shell, title) -> {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        dialog.setText(title);
        dialog.setFilterNames(new String[] { "Contract documents (*.pdf, *.docx, *.txt)", "All files" });
        dialog.setFilterExtensions(new String[] { "*.pdf;*.docx;*.txt;*.PDF;*.DOCX;*.TXT", "*" });
        if (dialog.open() == null) {
            return List.of();
        }
        Path folder = Path.of(dialog.getFilterPath());
        return Arrays.stream(dialog.getFileNames()).map(folder::resolve).toList();
    };
}
