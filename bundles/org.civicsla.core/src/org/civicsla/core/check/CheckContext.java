package org.civicsla.core.check;

import java.time.LocalDate;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.civicsla.core.model.WorkspaceData;

/** Everything a check may look at: a workspace snapshot as of a date, the profile and the index. */
public record CheckContext(WorkspaceData data, LocalDate asOf, RequirementProfile profile, ClauseEvidence clauses,
        BooleanSupplier cancelled) {
    public CheckContext {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(profile, "profile");
        clauses = clauses == null ? ClauseEvidence.NONE : clauses;
        cancelled = cancelled == null ? () -> false : cancelled;
    }
}
