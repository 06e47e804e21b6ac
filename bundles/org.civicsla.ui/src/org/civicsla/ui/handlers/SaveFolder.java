package org.civicsla.ui.handlers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the save dialogs (export, reports) open: the folder last written to in this session, else the home folder.
 * Not the folder the product was started from, which is the installation's or a terminal's, never the city's.
 */
final class SaveFolder {

    private static volatile Path last;

    private SaveFolder() {
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
