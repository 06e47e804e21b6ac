package org.civicsla.ui.parts;

import java.util.Optional;
import java.util.function.Consumer;

import org.civicsla.ui.JobProgress;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The status bar at the bottom of the window: what runs in the background (opening a workspace, an
 * import, indexing, checks, reports), how far it is, and a Cancel button. The parts stay usable
 * meanwhile; this is where a person sees that something is still working and can stop it.
 */
public final class ProgressControl {

    @Inject
    private JobProgress progress;

    private Label task;
    private ProgressBar bar;
    private Button cancel;
    private Optional<JobProgress.Snapshot> shown = Optional.empty();
    private final Consumer<Optional<JobProgress.Snapshot>> listener = this::show;

    @PostConstruct
    void create(Composite parent) {
        Composite area = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(6, 2).applyTo(area);
        task = new Label(area, SWT.NONE);
        task.setData(VendorsPart.TEST_ID, "progress.task");
        // Wide enough for "Cannot check <folder>: ..." (the tooltip holds what does not fit).
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(600, SWT.DEFAULT).applyTo(task);
        bar = new ProgressBar(area, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(100);
        bar.setData(VendorsPart.TEST_ID, "progress.bar");
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(180, SWT.DEFAULT).applyTo(bar);
        cancel = new Button(area, SWT.PUSH);
        cancel.setText("Cancel");
        cancel.setData(VendorsPart.TEST_ID, "progress.cancel");
        cancel.addListener(SWT.Selection, e -> shown.ifPresent(s -> {
            s.job().cancel();
            task.setText("Cancelling: " + s.job().getName() + "...");
            cancel.setEnabled(false);
        }));
        progress.addListener(listener);
        show(progress.current());
    }

    private void show(Optional<JobProgress.Snapshot> now) {
        if (task == null || task.isDisposed()) {
            return;
        }
        boolean sameJob = shown.isPresent() && now.isPresent() && shown.get().job() == now.get().job();
        shown = now;
        if (now.isEmpty()) {
            var outcome = progress.lastOutcome();
            task.setText(outcome.map(JobProgress.Outcome::text).orElse("Ready"));
            task.setToolTipText(task.getText());
            task.setForeground(outcome.filter(JobProgress.Outcome::failed).isPresent()
                    ? task.getDisplay().getSystemColor(SWT.COLOR_DARK_RED) : null);
            bar.setSelection(0);
            bar.setVisible(false);
            cancel.setVisible(false);
            return;
        }
        JobProgress.Snapshot s = now.get();
        task.setForeground(null);
        if (!sameJob) {
            cancel.setEnabled(true); // a new job: its Cancel was not pressed yet
        }
        if (cancel.isEnabled()) {
            task.setText(s.task() + (s.others() > 0 ? " (and " + s.others() + " more)" : ""));
        }
        task.setToolTipText(task.getText());
        // A job that has not said how much work it has: an empty bar would suggest nothing is happening.
        bar.setSelection(s.percent() >= 0 ? s.percent() : 0);
        bar.setToolTipText(s.percent() >= 0 ? s.percent() + "%" : "working");
        bar.setVisible(true);
        cancel.setVisible(true);
    }

    @PreDestroy
    void dispose() {
        progress.removeListener(listener);
    }
}
