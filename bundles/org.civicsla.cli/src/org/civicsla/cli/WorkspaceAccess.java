package org.civicsla.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.core.store.WorkspaceStoreFactory;
import org.civicsla.io.ImportException;
import org.civicsla.io.SampleWorkspace;

/** Opens the workspace a command names with {@code --workspace}, importing a sample's files on first open. */
final class WorkspaceAccess {

    private WorkspaceAccess() {
    }

    /**
     * Opens the workspace in the folder {@code --workspace} names; the folder must hold one (a store, or a
     * sample's import files): a mistyped path would otherwise open a new, empty workspace, and a check of it
     * would report no vendor failing.
     */
    static WorkspaceStore open(Arguments args) throws UsageException, InputException {
        Path folder = Path.of(args.required("workspace"));
        if (!SampleWorkspace.isWorkspace(folder)) {
            throw new InputException(folder + (Files.isDirectory(folder) ? ": holds no CivicSLA workspace (no store/ or import/ folder)"
                    : Files.exists(folder) ? ": is not a folder; --workspace names a workspace folder" : ": no such folder")
                    + "; check the path, or create a workspace there with: civicsla import --workspace " + folder + " <files>");
        }
        return openOrCreate(args);
    }

    /** Opens the workspace in the folder {@code --workspace} names, creating it when there is none (an import). */
    static WorkspaceStore openOrCreate(Arguments args) throws UsageException, InputException {
        Path folder = Path.of(args.required("workspace"));
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new InputException(folder + ": is not a folder; --workspace names a workspace folder");
        }
        WorkspaceStore store;
        try {
            store = Services.get(WorkspaceStoreFactory.class).open(folder);
        } catch (IllegalStateException e) {
            throw new InputException(e.getMessage(), e);
        }
        try {
            SampleWorkspace.materialize(store);
        } catch (ImportException e) {
            store.close();
            StringBuilder message = new StringBuilder(folder + ": its import files have problems:");
            e.problems().forEach(p -> message.append("\n  ").append(p));
            throw new InputException(message.toString(), e);
        } catch (IOException e) {
            store.close();
            throw new InputException(folder + ": cannot read its import files: " + e.getMessage(), e);
        }
        return store;
    }

    /** Removes the store {@link #openOrCreate} made in {@code folder} (closed), and the folder when it made that too. */
    static void removeNew(Path folder, boolean folderExisted, java.io.PrintWriter err) {
        try {
            Path store = folder.resolve(WorkspaceStore.FOLDER);
            if (Files.isDirectory(store)) {
                try (var files = Files.walk(store)) {
                    for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            if (!folderExisted) {
                Files.deleteIfExists(folder);
            }
        } catch (IOException e) {
            err.println("civicsla: could not remove the new, empty workspace " + folder + ": " + e.getMessage());
        }
    }

    /**
     * The clause detector of the workspace in {@code folder}: the standard clause types, the plugins' and the
     * workspace's clauses.yaml, as the workbench uses them (the index detects again when they change).
     */
    static org.civicsla.index.clauses.ClauseDetector detector(java.nio.file.Path folder) throws InputException {
        try {
            return Services.get(org.civicsla.index.clauses.ClauseDetectors.class).forWorkspace(folder);
        } catch (java.io.IOException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
