package org.civicsla.core.check;

import java.util.List;
import java.util.Objects;

import org.civicsla.core.model.Milestone;

/**
 * What the city requires of its contracts (step 2) and how it plans life cycles (step 5).
 * Users edit it; each check run is saved with the profile it used.
 */
public record RequirementProfile(String name, List<Requirement> requirements, int planningHorizonMonths,
        Milestone milestone) {

    public RequirementProfile {
        Objects.requireNonNull(name, "name");
        requirements = requirements == null ? List.of() : List.copyOf(requirements);
        milestone = milestone == null ? Milestone.END_OF_SECURITY_UPDATES : milestone;
    }
}
