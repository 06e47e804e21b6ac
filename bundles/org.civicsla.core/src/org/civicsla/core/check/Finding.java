package org.civicsla.core.check;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One result of one check for one vendor, optionally narrowed to a contract or a device. A finding
 * always says why ({@code reasons}) and, where it can, shows the evidence.
 */
public record Finding(
        String checkId,
        int step,
        String vendorId,
        Optional<String> contractId,
        Optional<String> deviceId,
        Status status,
        Severity severity,
        List<String> reasons,
        List<Evidence> evidence) {

    public Finding {
        Objects.requireNonNull(checkId, "checkId");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(status, "status");
        contractId = contractId == null ? Optional.empty() : contractId;
        deviceId = deviceId == null ? Optional.empty() : deviceId;
        severity = severity == null ? Severity.MEDIUM : severity;
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
