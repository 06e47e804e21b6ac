package org.civicsla.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.civicsla.io.WorkspaceExporter;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** File > Export: the open workspace as an XLSX workbook in the import template, in a background Job. */
public final class ExportHandler {

    @CanExecute
    public boolean canExecute(WorkspaceModel model) {
        return model.current().isPresent();
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, WorkspaceModel model) {
        Optional<String> asked = SaveFolder.ask(shell, "Export workspace", "xlsx", "civicsla-export.xlsx");
        if (asked.isEmpty()) {
            return;
        }
        String chosen = asked.get();
        model.current().ifPresent(opened -> {
            Job job = Job.create("Exporting to " + chosen, (IProgressMonitor monitor) -> {
                monitor.beginTask("Writing " + chosen, IProgressMonitor.UNKNOWN);
                try {
                    WorkspaceExporter.export(opened.store().snapshot(), Path.of(chosen));
                    return Status.OK_STATUS;
                } catch (IOException e) {
                    return Status.error("Cannot write " + chosen + ": " + e.getMessage(), e);
                } finally {
                    monitor.done();
                }
            });
            job.setUser(true);
            job.schedule();
        });
    }
}
