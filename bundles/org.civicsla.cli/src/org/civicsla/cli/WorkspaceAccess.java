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

    static WorkspaceStore open(Arguments args) throws UsageException, InputException {
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
