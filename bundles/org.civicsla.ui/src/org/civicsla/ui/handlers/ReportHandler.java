package org.civicsla.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import org.civicsla.report.FindingsWorkbook;
import org.civicsla.report.PortfolioReport;
import org.civicsla.report.ReportInput;
import org.civicsla.ui.ChecksModel;
import org.civicsla.ui.WorkspaceModel;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/**
 * File > Write Reports: the PDF portfolio report of the latest check run and, beside it, the XLSX
 * findings workbook, written in a background Job with progress and cancel.
 */
public final class ReportHandler {

    @CanExecute
    public boolean canExecute(WorkspaceModel workspaces, ChecksModel checks) {
        return workspaces.current().isPresent() && checks.latest().isPresent();
    }

    @Execute
    public void execute(@Named("activeShell") Shell shell, WorkspaceModel workspaces, ChecksModel checks, UISynchronize ui) {
        var opened = workspaces.current();
        var result = checks.latest();
        if (opened.isEmpty() || result.isEmpty()) {
            return;
        }
        Optional<String> asked = SaveFolder.ask(shell, "Write the portfolio report", "pdf",
                opened.get().folder().getFileName() + "-report-" + result.get().run().asOf() + ".pdf");
        if (asked.isEmpty()) {
            return;
        }
        String chosen = asked.get();
        Path pdf = Path.of(chosen);
        Path xlsx = pdf.resolveSibling(pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "") + "-findings.xlsx");
        ReportInput input = new ReportInput(opened.get().folder().getFileName().toString(), opened.get().data(),
                result.get().run(), Optional.empty());
        Job job = Job.create("Writing " + pdf.getFileName(), (IProgressMonitor monitor) -> {
            monitor.beginTask("Writing the reports", 2);
            try {
                monitor.subTask(pdf.getFileName().toString());
                PortfolioReport.write(input, pdf, monitor::isCanceled);
                monitor.worked(1);
                monitor.subTask(xlsx.getFileName().toString());
                FindingsWorkbook.write(input, xlsx);
                monitor.worked(1);
                ui.asyncExec(() -> MessageDialog.openInformation(shell, "Reports written", "Wrote\n" + pdf + "\n" + xlsx));
                return Status.OK_STATUS;
            } catch (CancellationException e) {
                return Status.CANCEL_STATUS;
            } catch (IOException e) {
                return Status.error("Cannot write the reports: " + e.getMessage(), e);
            } finally {
                monitor.done();
            }
        });
        job.setUser(true);
        job.schedule();
    }
}
