package org.civicsla.report;

import java.util.Objects;
import java.util.Optional;

import org.civicsla.core.check.CheckRun;
import org.civicsla.core.model.WorkspaceData;

/** What a report is made of: the workspace, a check run, and optionally the one vendor of an evidence pack. */
public record ReportInput(String workspaceName, WorkspaceData data, CheckRun run, Optional<String> vendorId) {
    public ReportInput {
        Objects.requireNonNull(workspaceName, "workspaceName");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(run, "run");
        vendorId = vendorId == null ? Optional.empty() : vendorId;
    }
}
