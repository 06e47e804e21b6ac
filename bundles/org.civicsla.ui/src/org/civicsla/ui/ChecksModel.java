package org.civicsla.ui;

import java.io.IOException;
import java.nio.file.Path;
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
 * documents first), with progress and cancel; parts learn of a new result, or of a run that failed, from
 * {@link #TOPIC_CHECKED}. The workbench runs them whenever a workspace opens or changes (see
 * {@link WorkspaceAddon}), whichever parts are showing.
 */
@Creatable
@Singleton
public final class ChecksModel {

    /** Posted (with the as-of date as data) when a check run finished. */
    public static final String TOPIC_CHECKED = "org/civicsla/checks/finished";

    /** A finished run of the workspace in {@code folder}, its matrix and the documents that could not be read. */
    public record Result(Path folder, CheckRun run, Matrix matrix, List<String> documentProblems) {
    }

    /**
     * Why the last run of the workspace in {@code folder} did not finish: it failed ({@code error}), or it was
     * cancelled, and nothing is checked until the next run.
     */
    public record Failure(Path folder, String message, boolean error) {
    }

    private final AtomicReference<Result> latest = new AtomicReference<>();
    /** The run asked for last: a new one stops it (every edit asks for a run; each would read every document). */
    private final AtomicReference<Job> running = new AtomicReference<>();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    /** The date the checks were last asked to judge at; the runs the workbench starts itself use it too. */
    private volatile LocalDate asOf = LocalDate.now();

    @Inject
    private WorkspaceModel workspaces;

    @Inject
    private IEventBroker events;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    private CheckEngine engine;

    /**
     * The latest run of the open workspace. Another workspace's run is never returned: after a switch, what was
     * checked there must not be shown, or written into a report, as this one's.
     */
    public Optional<Result> latest() {
        return Optional.ofNullable(latest.get()).filter(result -> isOpen(result.folder()));
    }

    /** Why the latest run of the open workspace did not finish, when it did not and nothing has been checked since. */
    public Optional<Failure> failure() {
        return Optional.ofNullable(failure.get()).filter(f -> isOpen(f.folder()));
    }

    /** The date of the latest run asked for: today until a person chooses another. */
    public LocalDate asOf() {
        return asOf;
    }

    /** A cancelled run: the parts stop saying "Checking..." where nothing was checked. */
    private org.eclipse.core.runtime.IStatus cancelled(Path folder, LocalDate asOf) {
        // Not when a newer run stopped it: that one says how it went.
        if (latest().isEmpty() && running.get() == Job.getJobManager().currentJob()) {
            failure.set(new Failure(folder, "Not checked: the run was cancelled. Run checks starts it again.", false));
            events.post(TOPIC_CHECKED, asOf.toString());
        }
        return Status.CANCEL_STATUS;
    }

    private boolean isOpen(Path folder) {
        return workspaces.current().map(WorkspaceModel.Opened::folder).filter(folder::equals).isPresent();
    }

    /** Runs steps 2 and 5 (and plugin checks) as of {@code asOf} in a background Job. */
    public Job run(LocalDate asOf) {
        this.asOf = asOf;
        Job job = Job.create("Checking vendors as of " + asOf, (IProgressMonitor monitor) -> {
            var opened = workspaces.current();
            if (opened.isEmpty() || engine == null) {
                return Status.warning(engine == null ? "No check engine is installed (bundle org.civicsla.checks)"
                        : "No workspace is open");
            }
            Path folder = opened.get().folder();
            // Reading new documents is most of a first run: the bar follows them, then the checks.
            org.eclipse.core.runtime.SubMonitor progress = org.eclipse.core.runtime.SubMonitor.convert(monitor,
                    "Checking vendors as of " + asOf, 100);
            org.eclipse.core.runtime.SubMonitor reading = progress.newChild(80);
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
                    int[] told = { 0 };
                    index.update(opened.get().folder(), opened.get().data(), problems::add, monitor::isCanceled,
                            (finished, total) -> {
                                if (finished == 0) {
                                    reading.setWorkRemaining(Math.max(total, 1));
                                }
                                reading.worked(finished - told[0]);
                                told[0] = finished;
                            });
                    reading.done();
                    if (monitor.isCanceled()) {
                        return cancelled(folder, asOf);
                    }
                    monitor.subTask("Running the checks");
                    run = engine.run(opened.get().data(), asOf, ProfilePreferences.load(), index, List.of(),
                            monitor::isCanceled);
                } catch (IOException | RuntimeException e) {
                    if (e instanceof java.util.concurrent.CancellationException
                            || e instanceof org.eclipse.core.runtime.OperationCanceledException) {
                        return cancelled(folder, asOf);
                    }
                    // Said where the matrix is shown, in place of it: a person must not read an earlier run as this one.
                    String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                            : e.getMessage().lines().findFirst().orElse("");
                    String message = "Cannot check " + folder + ": " + why;
                    failure.set(new Failure(folder, message, true));
                    // An earlier run of this workspace is not its state now (its clause types may have changed).
                    latest.updateAndGet(earlier -> earlier != null && earlier.folder().equals(folder) ? null : earlier);
                    events.post(TOPIC_CHECKED, asOf.toString());
                    return Status.error(message, e);
                }
                progress.worked(20);
                latest.set(new Result(folder, run, Matrix.of(opened.get().data(), run), List.copyOf(problems)));
                failure.set(null);
                events.post(TOPIC_CHECKED, asOf.toString());
                return Status.OK_STATUS;
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.setRule(WorkspaceModel.INDEX_RULE);
        Job previous = running.getAndSet(job);
        if (previous != null) {
            previous.cancel();
        }
        job.schedule();
        return job;
    }
}
