package org.civicsla.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.core.store.WorkspaceStoreFactory;
import org.civicsla.io.ImportException;
import org.civicsla.io.SampleWorkspace;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.osgi.service.prefs.BackingStoreException;
import org.osgi.service.prefs.Preferences;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The workspace the workbench shows. Opening reads the store in a background Job; parts learn of
 * the new content from the {@link #TOPIC_CHANGED} event and read {@link #current()} on the UI thread.
 */
@Creatable
@Singleton
public final class WorkspaceModel {

    /** Posted (with the workspace folder as data) whenever another workspace or new content is shown. */
    public static final String TOPIC_CHANGED = "org/civicsla/workspace/changed";
    /**
     * Posted (with the workspace folder as data) when a workspace is opened, before its {@link #TOPIC_CHANGED}: what
     * a part showed of the workspace before (a vendor, search hits) belongs to that one. A reload posts only the change.
     */
    public static final String TOPIC_OPENED = "org/civicsla/workspace/opened";
    /** Posted (with a message string) when a workspace could not be opened. */
    public static final String TOPIC_FAILED = "org/civicsla/workspace/failed";

    /** Jobs that use a workspace's document index run one at a time: Lucene allows one writer. */
    public static final org.eclipse.core.runtime.jobs.ISchedulingRule INDEX_RULE = new org.eclipse.core.runtime.jobs.ISchedulingRule() {
        @Override
        public boolean contains(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return rule == this;
        }

        @Override
        public boolean isConflicting(org.eclipse.core.runtime.jobs.ISchedulingRule rule) {
            return rule == this;
        }
    };

    /** The clause types when the DS service is missing: the standard ones and the workspace's (no plugins). */
    private static final org.civicsla.index.clauses.ClauseDetectors WITHOUT_PLUGINS = new org.civicsla.index.clauses.ClauseDetectors();

    static final String PREFERENCE_NODE = "org.civicsla.ui";
    static final String LAST_WORKSPACE = "lastWorkspace";

    /** What is open: the folder, its store and the snapshot the parts show. */
    public record Opened(Path folder, WorkspaceStore store, WorkspaceData data) {
    }

    private final AtomicReference<Opened> current = new AtomicReference<>();

    @Inject
    private IEventBroker events;

    /** Optional so that a runtime without a store bundle still starts and says what is missing. */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private WorkspaceStoreFactory stores;

    /**
     * Optional as the store: without it, the standard clause types and the workspace's own file. Volatile: read by
     * the Jobs that index and search.
     */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private volatile org.civicsla.index.clauses.ClauseDetectors detectors;

    /**
     * The clause detector of the workspace in {@code folder}: the standard clause types, the plugins' and its
     * clauses.yaml. Everything that opens the workspace's document index takes it from here, so indexing,
     * checks and search agree on the types.
     *
     * @throws IOException naming the file and clause type when the workspace's clauses.yaml is not valid
     */
    public org.civicsla.index.clauses.ClauseDetector detector(Path folder) throws IOException {
        org.civicsla.index.clauses.ClauseDetectors service = detectors;
        if (service == null) {
            // Plugins' clause types are left out, and the command line (which has them) would find the index written
            // with other types and read every document again: say so once.
            if (!warned) {
                warned = true;
                System.getLogger(WorkspaceModel.class.getName()).log(System.Logger.Level.WARNING,
                        "the clause types service (org.civicsla.index) is not running: plugins' clause types are left out");
            }
            service = WITHOUT_PLUGINS;
        }
        return service.forWorkspace(folder);
    }

    private volatile boolean warned;

    public Optional<Opened> current() {
        return Optional.ofNullable(current.get());
    }

    /** The workspace last opened, remembered across runs. */
    public Optional<Path> lastWorkspace() {
        String last = preferences().get(LAST_WORKSPACE, "");
        return last.isEmpty() ? Optional.empty() : Optional.of(Path.of(last)).filter(Files::isDirectory);
    }

    /** Opens {@code folder} in the background and makes it the workbench's workspace. */
    public Job open(Path folder) {
        Objects.requireNonNull(folder, "folder");
        Job job = Job.create("Opening workspace " + folder, (IProgressMonitor monitor) -> {
            monitor.beginTask("Opening " + folder.getFileName(), IProgressMonitor.UNKNOWN);
            try {
                if (stores == null) {
                    throw new IllegalStateException("no workspace store is installed (bundle org.civicsla.store)");
                }
                WorkspaceStore store = stores.open(folder);
                try {
                    // A sample workspace ships import files, not a database: the first open imports them.
                    SampleWorkspace.materialize(store);
                } catch (ImportException | IOException e) {
                    store.close();
                    throw new IllegalStateException(e.getMessage(), e);
                }
                Opened opened = new Opened(folder, store, store.snapshot());
                Opened previous = current.getAndSet(opened);
                if (previous != null && previous.store() != store) {
                    previous.store().close();
                }
                remember(folder);
                events.post(TOPIC_OPENED, folder.toString());
                events.post(TOPIC_CHANGED, folder.toString());
                return Status.OK_STATUS;
            } catch (RuntimeException e) {
                events.post(TOPIC_FAILED, "Cannot open workspace " + folder + ": " + e.getMessage());
                return Status.error("Cannot open workspace " + folder, e);
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.schedule();
        return job;
    }

    /** Re-reads the open workspace after a change (an import, an edit) and tells the parts. */
    public void reload() {
        Opened opened = current.get();
        if (opened == null) {
            return;
        }
        Opened fresh = new Opened(opened.folder(), opened.store(), opened.store().snapshot());
        current.compareAndSet(opened, fresh);
        events.post(TOPIC_CHANGED, opened.folder().toString());
    }

    /** Closes the store when the workbench shuts down, so the database is left clean. */
    public void close() {
        Opened opened = current.getAndSet(null);
        if (opened != null) {
            opened.store().close();
        }
    }

    private static void remember(Path folder) {
        Preferences node = preferences();
        node.put(LAST_WORKSPACE, folder.toAbsolutePath().toString());
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not remembering the workspace is an inconvenience, not a failure of the open.
            System.getLogger(WorkspaceModel.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot remember the last workspace", e);
        }
    }

    private static Preferences preferences() {
        return InstanceScope.INSTANCE.getNode(PREFERENCE_NODE);
    }

}
