package org.civicsla.ui;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.civicsla.checks.CheckEngine;
import org.civicsla.checks.Matrix;
import org.civicsla.core.check.CheckRun;
import org.civicsla.index.DocumentIndex;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.core.services.events.IEventBroker;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The latest check run of the open workspace. Checks run in a background Job (reading the contract
 * documents first), with progress and cancel; parts learn of a new result from {@link #TOPIC_CHECKED}.
 */
@Creatable
@Singleton
public final class ChecksModel {

    /** Posted (with the as-of date as data) when a check run finished. */
    public static final String TOPIC_CHECKED = "org/civicsla/checks/finished";

    /** A finished run, its matrix and the documents that could not be read. */
    public record Result(CheckRun run, Matrix matrix, List<String> documentProblems) {
    }

    private final AtomicReference<Result> latest = new AtomicReference<>();

    @Inject
    private WorkspaceModel workspaces;

    @Inject
    private IEventBroker events;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private CheckEngine engine;

    public Optional<Result> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** Runs steps 2 and 5 (and plugin checks) as of {@code asOf} in a background Job. */
    public Job run(LocalDate asOf) {
        Job job = Job.create("Checking vendors as of " + asOf, (IProgressMonitor monitor) -> {
            var opened = workspaces.current();
            if (opened.isEmpty() || engine == null) {
                return Status.warning(engine == null ? "No check engine is installed (bundle org.civicsla.checks)"
                        : "No workspace is open");
            }
            monitor.beginTask("Checking vendors as of " + asOf, 3);
            try {
                monitor.subTask("Indexing contract documents");
                List<String> problems = new ArrayList<>();
                CheckRun run;
                try (DocumentIndex index = DocumentIndex.open(opened.get().folder(), workspaces.detector(opened.get().folder()))) {
                    // Only documents that are new or changed since the last run are read again; all of them when the
                    // index starts afresh (a new workspace, changed clause types).
                    if (index.startedAfresh()) {
                        monitor.subTask("Reading every contract document into the index");
                    }
                    index.update(opened.get().folder(), opened.get().data(), problems::add, monitor::isCanceled);
                    monitor.worked(1);
                    if (monitor.isCanceled()) {
                        return Status.CANCEL_STATUS;
                    }
                    monitor.subTask("Running the checks");
                    run = engine.run(opened.get().data(), asOf, ProfilePreferences.load(), index, List.of(),
                            monitor::isCanceled);
                } catch (IOException e) {
                    return Status.error("Cannot use the document index of " + opened.get().folder() + ": " + e.getMessage(), e);
                }
                monitor.worked(2);
                latest.set(new Result(run, Matrix.of(opened.get().data(), run), List.copyOf(problems)));
                events.post(TOPIC_CHECKED, asOf.toString());
                return Status.OK_STATUS;
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.setRule(WorkspaceModel.INDEX_RULE);
        job.schedule();
        return job;
    }
}
