package org.civicsla.ui.handlers;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.civicsla.io.ImportException;
import org.civicsla.io.ImportProblem;
import org.civicsla.io.ImportReport;
import org.civicsla.io.WorkspaceImporter;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * File > Import: XLSX workbooks or CSV files into the open workspace, as one import in a background
 * Job. A refused import lists its problems (file, sheet, row, column) and stores nothing.
 */
public final class ImportHandler {

    private static final int PROBLEMS_SHOWN = 25;

    @CanExecute
    public boolean canExecute(WorkspaceModel model) {
        return model.current().isPresent();
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, WorkspaceModel model, UISynchronize ui,
            org.civicsla.ui.EditsModel edits) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
        dialog.setText("Import vendors, contracts, device models and devices");
        dialog.setFilterExtensions(new String[] { "*.xlsx;*.csv", "*.*" });
        dialog.setFilterNames(new String[] { "Workbooks and CSV files", "All files" });
        if (dialog.open() == null) {
            return;
        }
        List<Path> files = Arrays.stream(dialog.getFileNames()).map(name -> Path.of(dialog.getFilterPath(), name)).toList();
        model.current().ifPresent(opened -> {
            Job job = Job.create("Importing " + files.size() + (files.size() == 1 ? " file" : " files"),
                    (IProgressMonitor monitor) -> {
                        monitor.beginTask("Reading and checking " + files, IProgressMonitor.UNKNOWN);
                        try {
                            ImportReport report = WorkspaceImporter.importFiles(opened.store(), files, false,
                                    monitor::isCanceled);
                            if (report.changesSomething()) {
                                // Undo inverses were computed on the records the import just replaced.
                                edits.clear();
                            }
                            model.reload();
                            ui.asyncExec(() -> MessageDialog.openInformation(shell, "Import finished",
                                    report.changesSomething() ? report.summary() : "Nothing to change: the workspace already holds these records."));
                            return Status.OK_STATUS;
                        } catch (ImportException e) {
                            String problems = e.problems().stream().limit(PROBLEMS_SHOWN).map(ImportProblem::toString)
                                    .collect(Collectors.joining("\n"));
                            String more = e.problems().size() > PROBLEMS_SHOWN
                                    ? "\n... and " + (e.problems().size() - PROBLEMS_SHOWN) + " more" : "";
                            String found = e.problems().size() == 1 ? "1 problem was found"
                                    : e.problems().size() + " problems were found";
                            ui.asyncExec(() -> MessageDialog.openError(shell, "Nothing was imported",
                                    found + "; nothing was imported.\n\n" + problems + more));
                            // Not OK: the status bar would say "Done: Importing ..." beside the error.
                            return Status.warning("Nothing was imported: " + found);
                        } catch (java.util.concurrent.CancellationException e) {
                            return Status.CANCEL_STATUS;
                        } finally {
                            monitor.done();
                        }
                    });
            job.setUser(true);
            job.schedule();
        });
    }
}
