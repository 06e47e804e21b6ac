package org.civicsla.ui.handlers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * Where the save dialogs (export, reports) open: the folder last written to in this session, else the home folder.
 * Not the folder the product was started from, which is the installation's or a terminal's, never the city's.
 */
final class SaveFolder {

    private static volatile Path last;

    private SaveFolder() {
    }

    /**
     * Asks where to write a file of type {@code extension} ("pdf"), proposing {@code fileName} in {@link #initial()}
     * and asking before an existing file is overwritten; the folder chosen is remembered. Empty when cancelled.
     */
    static Optional<String> ask(Shell shell, String title, String extension, String fileName) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setText(title);
        dialog.setFilterExtensions(new String[] { "*." + extension });
        dialog.setFileName(fileName);
        dialog.setFilterPath(initial());
        dialog.setOverwrite(true);
        Optional<String> chosen = Optional.ofNullable(dialog.open());
        chosen.ifPresent(SaveFolder::remember);
        return chosen;
    }

    static String initial() {
        Path folder = last;
        return folder != null && Files.isDirectory(folder) ? folder.toString() : System.getProperty("user.home");
    }

    static void remember(String chosenFile) {
        Path parent = Path.of(chosenFile).toAbsolutePath().getParent();
        if (parent != null) {
            last = parent;
        }
    }
}
