package org.civicsla.core.store;

import java.nio.file.Path;

import org.civicsla.core.model.WorkspaceData;

/**
 * The records of one workspace. The default implementation is an embedded database inside the
 * workspace folder; the interface lets a shared server database follow.
 */
public interface WorkspaceStore extends AutoCloseable {

    /**
     * The folder of a workspace that holds its store. Its presence is what makes a folder a workspace, to the
     * command line and the workbench alike (see {@code SampleWorkspace.isWorkspace}).
     */
    String FOLDER = "store";

    /** The workspace folder (documents, index and store live below it). */
    Path folder();

    /** A consistent snapshot of every record. */
    WorkspaceData snapshot();

    /** Applies all changes in one transaction: either all are stored or none is. */
    void apply(ChangeSet changes);

    @Override
    void close();
}
