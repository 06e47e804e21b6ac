package org.civicsla.core.check;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The saved result of one evaluation: when it ran, as of which date, with which profile. */
public record CheckRun(Instant ranAt, LocalDate asOf, RequirementProfile profile, List<Finding> findings,
        List<CheckFailure> failures) {
    public CheckRun {
        Objects.requireNonNull(ranAt, "ranAt");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(profile, "profile");
        findings = findings == null ? List.of() : List.copyOf(findings);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
