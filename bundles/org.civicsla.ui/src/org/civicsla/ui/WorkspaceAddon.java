package org.civicsla.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Opens a workspace once the workbench has started: the one named at start
 * ({@code -Dcivicsla.workspace=...}), else the last one, else the bundled sample city.
 */
public final class WorkspaceAddon {

    /** System property naming the workspace to open at start (the start script and UI tests set it). */
    public static final String WORKSPACE_PROPERTY = "civicsla.workspace";
    /** System property naming the bundled sample workspace; the start script sets it. */
    public static final String SAMPLE_PROPERTY = "civicsla.sample";

    @Inject
    private WorkspaceModel model;

    @Inject
    private JobProgress progress;

    @Inject
    private ChecksModel checks;

    /** The status bar's trim bar and its progress control in the window model. */
    static final String STATUS_TRIM = "org.civicsla.ui.trim.status";
    static final String PROGRESS_CONTROL = "org.civicsla.ui.toolcontrol.progress";

    /**
     * Reports the progress of background jobs in a status bar. The bar is added to the window model here,
     * not in Application.e4xmi, so a window layout saved by an earlier version gets it too.
     */
    @jakarta.annotation.PostConstruct
    void start(org.eclipse.e4.ui.model.application.MApplication application,
            org.eclipse.e4.ui.workbench.modeling.EModelService models) {
        progress.install();
        reactivateAfterDialogs();
        for (var window : application.getChildren()) {
            if (window instanceof org.eclipse.e4.ui.model.application.ui.basic.MTrimmedWindow trimmed
                    && trimmed.getTrimBars().stream().noneMatch(t -> STATUS_TRIM.equals(t.getElementId()))) {
                var trim = models.createModelElement(org.eclipse.e4.ui.model.application.ui.basic.MTrimBar.class);
                trim.setElementId(STATUS_TRIM);
                trim.setSide(org.eclipse.e4.ui.model.application.ui.SideValue.BOTTOM);
                var control = models.createModelElement(org.eclipse.e4.ui.model.application.ui.menu.MToolControl.class);
                control.setElementId(PROGRESS_CONTROL);
                control.setContributionURI("bundleclass://org.civicsla.ui/org.civicsla.ui.parts.ProgressControl");
                trim.getChildren().add(control);
                trimmed.getTrimBars().add(trim);
            }
        }
    }

    /**
     * When a dialog closes, its window is made the active one again. The workbench's key bindings (Ctrl+E, Ctrl+Y,
     * ...) follow the active window; where nothing re-activates it (an X display without a window manager, as
     * under Xvfb), every shortcut stopped working after the first message or About dialog.
     */
    private void reactivateAfterDialogs() {
        org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
        if (display == null) {
            return;
        }
        dialogClosed = event -> {
            // A JFace dialog's shell holds its dialog; tooltips and drop-downs are shells too, and must not activate
            // the window under a dialog still open.
            if (event.widget instanceof org.eclipse.swt.widgets.Shell dialog
                    && dialog.getData() instanceof org.eclipse.jface.window.Window
                    && dialog.getParent() instanceof org.eclipse.swt.widgets.Shell window) {
                display.asyncExec(() -> {
                    // Not over another dialog of the window opened meanwhile (a question, then an error).
                    if (!window.isDisposed() && window.isVisible() && java.util.Arrays.stream(window.getShells())
                            .noneMatch(other -> other != dialog && other.isVisible()
                                    && other.getData() instanceof org.eclipse.jface.window.Window)) {
                        window.forceActive();
                    }
                });
            }
        };
        display.addFilter(org.eclipse.swt.SWT.Dispose, dialogClosed);
    }

    private org.eclipse.swt.widgets.Listener dialogClosed;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void applicationStarted(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        startupWorkspace().ifPresent(model::open);
    }

    /**
     * The checks run whenever a workspace opens or its content changes, here and not in the Checklist part: a part
     * is only created when its tab is first shown, and the Vendors list, the reports and the matrix all need the run.
     */
    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    void workspaceChanged(@UIEventTopic(WorkspaceModel.TOPIC_CHANGED) String folder) {
        checks.run(checks.asOf());
    }

    private Optional<Path> startupWorkspace() {
        String explicit = System.getProperty(WORKSPACE_PROPERTY, "");
        if (!explicit.isBlank()) {
            return Optional.of(Path.of(explicit));
        }
        return model.lastWorkspace().or(() -> Optional.of(System.getProperty(SAMPLE_PROPERTY, ""))
                .filter(s -> !s.isBlank()).map(Path::of).filter(Files::isDirectory));
    }

    /** How long quitting waits for cancelled jobs (import, indexing, checks) to stop. */
    private static final long STOP_JOBS_MILLIS = 5_000;

    @PreDestroy
    void shutdown() {
        // Quitting while an import or indexing runs: ask those jobs to stop and give them a moment to end
        // their transaction or index commit, so the store is not closed under them. Should one not stop in
        // time, the store's transactions and the index's commits are crash-safe; nothing is half-written.
        org.eclipse.core.runtime.jobs.IJobManager jobs = org.eclipse.core.runtime.jobs.Job.getJobManager();
        jobs.cancel(null);
        long deadline = System.currentTimeMillis() + STOP_JOBS_MILLIS;
        while (!jobs.isIdle() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        progress.uninstall();
        org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getCurrent();
        if (display != null && dialogClosed != null) {
            display.removeFilter(org.eclipse.swt.SWT.Dispose, dialogClosed);
        }
        model.close();
    }
}
