package org.civicsla.core.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One clause type that every active contract must carry. {@code valueKey}/{@code maxValue} make it
 * stricter: e.g. clause "Breach Notification", value {@code notificationHours}, at most 72.
 */
public record Requirement(String clauseType, Optional<String> valueKey, Optional<Double> maxValue) {
    public Requirement {
        Objects.requireNonNull(clauseType, "clauseType");
        valueKey = valueKey == null ? Optional.empty() : valueKey;
        maxValue = maxValue == null ? Optional.empty() : maxValue;
    }

    public static Requirement of(String clauseType) {
        return new Requirement(clauseType, Optional.empty(), Optional.empty());
    }
}
