package org.civicsla.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * One vendor's evidence pack: the portfolio report narrowed to the vendor named by
 * {@link ReportInput#vendorId()} — its row of the matrix, its devices in the chart, and its section
 * with missing clauses, quoted evidence, devices nearing end of support and notice deadlines,
 * whatever its status. What a procurement officer sends to the vendor or files with the contract.
 */
public final class VendorEvidencePack {

    private VendorEvidencePack() {
    }

    /**
     * Writes the pack to {@code pdf}; a half-written or cancelled pack never replaces an earlier one.
     *
     * @throws IllegalArgumentException when the input names no vendor or one the workspace does not have
     * @throws java.util.concurrent.CancellationException when the monitor cancels
     */
    public static void write(ReportInput input, Path pdf, ReportMonitor monitor) throws IOException {
        PortfolioReport.write(requireVendor(input), pdf, monitor);
    }

    /** Writes the pack to {@code out}, which stays open. */
    public static void write(ReportInput input, OutputStream out, ReportMonitor monitor) throws IOException {
        PortfolioReport.write(requireVendor(input), out, monitor);
    }

    private static ReportInput requireVendor(ReportInput input) {
        if (input.vendorId().isEmpty()) {
            throw new IllegalArgumentException("an evidence pack needs a vendor id (workspace " + input.workspaceName() + ")");
        }
        return input;
    }
}
