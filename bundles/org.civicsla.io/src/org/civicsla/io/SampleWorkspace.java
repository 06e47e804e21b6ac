package org.civicsla.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.civicsla.core.store.WorkspaceStore;

/**
 * A workspace shipped as source files: {@code import/} holds the import templates (CSV or XLSX),
 * {@code documents/} the contract documents. Opening it the first time imports the files into the
 * workspace's own store, so the product ships text, not a database.
 */
public final class SampleWorkspace {

    /** The folder of a workspace that holds the files to import when its store is new. */
    public static final String IMPORT_FOLDER = "import";

    private SampleWorkspace() {
    }

    /**
     * Whether {@code folder} is a workspace: it holds a store, or import files a first open turns into one. The
     * command line and the workbench ask before making any other folder a workspace, so that a mistyped path is
     * not taken for a new, empty one.
     */
    public static boolean isWorkspace(Path folder) {
        return Files.isDirectory(folder.resolve(WorkspaceStore.FOLDER)) || Files.isDirectory(folder.resolve(IMPORT_FOLDER));
    }

    /**
     * Imports {@code <workspace>/import/*} into {@code store} when the store holds no vendor yet.
     *
     * @return whether anything was imported
     */
    public static boolean materialize(WorkspaceStore store) throws ImportException, IOException {
        Path folder = store.folder().resolve(IMPORT_FOLDER);
        if (!Files.isDirectory(folder) || !store.snapshot().vendors().isEmpty()) {
            return false;
        }
        List<Path> files = new ArrayList<>();
        // Entity order matters only for reading; references are checked over the whole import.
        for (Entity entity : Entity.values()) {
            Path csv = folder.resolve(entity.csvFile());
            if (Files.isRegularFile(csv)) {
                files.add(csv);
            }
        }
        try (var xlsx = Files.newDirectoryStream(folder, "*.xlsx")) {
            xlsx.forEach(files::add);
        }
        if (files.isEmpty()) {
            return false;
        }
        try {
            WorkspaceImporter.importFiles(store, files, false, () -> false);
        } catch (CancellationException e) {
            return false;
        }
        return true;
    }
}
