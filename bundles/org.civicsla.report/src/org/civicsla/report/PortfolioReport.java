package org.civicsla.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;

import org.civicsla.core.files.AtomicFiles;

/**
 * The PDF a procurement board reads: a title page (workspace, the date the checks were run as of,
 * the requirement profile), a table of contents, the vendor × step matrix, a chart of devices
 * reaching end of support per year, then for each failing vendor the missing clauses, the clauses
 * found with quoted evidence (document and page), the devices nearing end of support and the
 * upcoming notice deadlines. Pages are numbered "Page N of M", sections are bookmarked, fonts are
 * embedded. When the input names a vendor, the result is that vendor's {@link VendorEvidencePack}.
 */
public final class PortfolioReport {

    private PortfolioReport() {
    }

    /**
     * Writes the report to {@code pdf}; a half-written or cancelled report never replaces an earlier one.
     *
     * @throws java.util.concurrent.CancellationException when the monitor cancels
     * @throws IllegalArgumentException when the input names a vendor the workspace does not have
     */
    public static void write(ReportInput input, Path pdf, ReportMonitor monitor) throws IOException {
        PdfReport report = new PdfReport(input, monitor);
        AtomicFiles.write(pdf, report::write);
    }

    /** Writes the report to {@code out}, which stays open. */
    public static void write(ReportInput input, OutputStream out, ReportMonitor monitor) throws IOException {
        new PdfReport(input, monitor).write(out);
    }

    /** Writes the report to {@code pdf}, stopping when {@code cancelled} says so. */
    public static void write(ReportInput input, Path pdf, BooleanSupplier cancelled) throws IOException {
        write(input, pdf, ReportMonitor.cancelledBy(cancelled));
    }
}
