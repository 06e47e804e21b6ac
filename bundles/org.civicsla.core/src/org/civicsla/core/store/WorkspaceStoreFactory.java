package org.civicsla.core.store;

import java.nio.file.Path;

/**
 * Opens workspaces. Registered as an OSGi service by the store bundle, so the workbench and the
 * command line never name the database implementation.
 */
public interface WorkspaceStoreFactory {

    /**
     * Opens the workspace in {@code folder}, creating an empty one when the folder has none yet and
     * migrating an older schema. Fails with an exception naming the folder when it cannot.
     */
    WorkspaceStore open(Path folder);
}
