package org.civicsla.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.IJobChangeListener;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.core.runtime.jobs.ProgressProvider;
import org.eclipse.e4.core.di.annotations.Creatable;
import org.eclipse.e4.ui.di.UISynchronize;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The progress of the workbench's running jobs (open, import, indexing, checks, reports, edits): the
 * job manager's progress provider, so every user job reports here without knowing of any widget. The
 * status bar shows {@link #current()} and cancels it; listeners hear of changes on the UI thread, at
 * most once per pending repaint however often a job reports work.
 */
@Creatable
@Singleton
public final class JobProgress extends ProgressProvider {

    /**
     * What the status bar shows of the oldest running job.
     *
     * @param percent 0 to 100, or -1 while the job has not said how much work it has
     * @param others how many more jobs run
     */
    public record Snapshot(Job job, String task, int percent, int others) {
    }

    @Inject
    private UISynchronize ui;

    private final Map<Job, Monitor> running = new LinkedHashMap<>();
    private final List<Consumer<Optional<Snapshot>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean notifyPending = new AtomicBoolean();
    private final IJobChangeListener lifecycle = new JobChangeAdapter() {
        @Override
        public void running(IJobChangeEvent event) {
            // A job whose monitor is not ours (created before the provider was installed) still shows, by name.
            if (!event.getJob().isSystem()) {
                synchronized (running) {
                    running.computeIfAbsent(event.getJob(), Monitor::new);
                }
                changed();
            }
        }

        @Override
        public void done(IJobChangeEvent event) {
            synchronized (running) {
                running.remove(event.getJob());
            }
            // User jobs only (an import, an export, the checks): a search or a superseded one would replace a
            // failed check run's message within seconds.
            if (event.getJob().isUser() && event.getResult() != null) {
                Outcome next = Outcome.of(event.getJob(), event.getResult());
                long now = System.nanoTime();
                // A cancel, warning or error stays over a plain "Done" that follows within moments: the check run an
                // attach or an edit starts would otherwise replace "Cancelled: Attaching ..." before anyone reads it.
                // The same job ending well again (a check run that failed, then passed) does replace it.
                boolean keep = next.severity() == org.eclipse.core.runtime.IStatus.OK && last.filter(Outcome::notable)
                        .isPresent() && now - lastAt < KEEP_NOTABLE_NANOS && !event.getJob().getName().equals(lastJob);
                if (!keep) {
                    last = Optional.of(next);
                    lastAt = now;
                    lastJob = event.getJob().getName();
                }
            }
            changed();
        }
    };

    /** Makes the job manager report the progress of user jobs here. */
    public void install() {
        Job.getJobManager().setProgressProvider(this);
        Job.getJobManager().addJobChangeListener(lifecycle);
    }

    public void uninstall() {
        Job.getJobManager().removeJobChangeListener(lifecycle);
        Job.getJobManager().setProgressProvider(null);
    }

    @Override
    public IProgressMonitor createMonitor(Job job) {
        if (job.isSystem()) {
            return new NullProgressMonitor();
        }
        synchronized (running) {
            return running.computeIfAbsent(job, Monitor::new);
        }
    }

    /**
     * How the last job ended, for the status bar once nothing runs: an export or a failed check run finishes in
     * the background, and without this a person sees only "Ready" either way.
     */
    public record Outcome(String text, int severity) {
        static Outcome of(Job job, org.eclipse.core.runtime.IStatus result) {
            return switch (result.getSeverity()) {
                case org.eclipse.core.runtime.IStatus.OK -> new Outcome("Done: " + job.getName(), result.getSeverity());
                case org.eclipse.core.runtime.IStatus.CANCEL -> new Outcome("Cancelled: " + job.getName(), result.getSeverity());
                default -> new Outcome(result.getMessage() == null || result.getMessage().isBlank()
                        ? job.getName() + ": failed" : result.getMessage(), result.getSeverity());
            };
        }

        public boolean failed() {
            return severity == org.eclipse.core.runtime.IStatus.ERROR;
        }

        /** Cancelled, or ended with a warning or an error: what a person must get to read. */
        boolean notable() {
            return severity == org.eclipse.core.runtime.IStatus.CANCEL || severity == org.eclipse.core.runtime.IStatus.WARNING
                    || severity == org.eclipse.core.runtime.IStatus.ERROR;
        }
    }

    /** How long a notable outcome stays over a plain "Done" that follows it. */
    private static final long KEEP_NOTABLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(20);

    private volatile Optional<Outcome> last = Optional.empty();
    private volatile long lastAt;
    private volatile String lastJob = "";

    /** How the last job ended, once one has. */
    public Optional<Outcome> lastOutcome() {
        return last;
    }

    /** The oldest running user job, if any. */
    public Optional<Snapshot> current() {
        synchronized (running) {
            if (running.isEmpty()) {
                return Optional.empty();
            }
            Monitor first = running.values().iterator().next();
            return Optional.of(first.snapshot(running.size() - 1));
        }
    }

    /** {@code listener} hears {@link #current()} on the UI thread after each change. */
    public void addListener(Consumer<Optional<Snapshot>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<Optional<Snapshot>> listener) {
        listeners.remove(listener);
    }

    private void changed() {
        if (ui != null && !listeners.isEmpty() && notifyPending.compareAndSet(false, true)) {
            ui.asyncExec(() -> {
                notifyPending.set(false);
                Optional<Snapshot> now = current();
                new ArrayList<>(listeners).forEach(l -> l.accept(now));
            });
        }
    }

    /** One job's monitor: what it is doing and how far it is; cancelling the job cancels it. */
    private final class Monitor extends NullProgressMonitor {
        private final Job job;
        private volatile String task;
        private volatile String subTask = "";
        private volatile int total = -1;
        private volatile double worked;

        Monitor(Job job) {
            this.job = job;
            this.task = job.getName();
        }

        @Override
        public void beginTask(String name, int totalWork) {
            if (name != null && !name.isBlank()) {
                task = name;
            }
            total = totalWork == IProgressMonitor.UNKNOWN ? -1 : totalWork;
            worked = 0;
            changed();
        }

        @Override
        public void setTaskName(String name) {
            task = name;
            changed();
        }

        @Override
        public void subTask(String name) {
            subTask = name == null ? "" : name;
            changed();
        }

        @Override
        public void worked(int work) {
            internalWorked(work);
        }

        @Override
        public void internalWorked(double work) {
            worked += work;
            changed();
        }

        Snapshot snapshot(int others) {
            int percent = total > 0 ? (int) Math.min(100, Math.round(100 * worked / total)) : -1;
            return new Snapshot(job, subTask.isBlank() ? task : task + ": " + subTask, percent, others);
        }
    }
}
