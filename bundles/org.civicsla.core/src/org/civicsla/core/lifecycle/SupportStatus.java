package org.civicsla.core.lifecycle;

import java.time.LocalDate;
import java.util.Optional;

import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.Milestone;

/** A device model's support status by a chosen milestone, as of a date and a planning horizon. */
public final class SupportStatus {

    private SupportStatus() {
    }

    /** The date the chosen milestone falls on, when known. */
    public static Optional<LocalDate> supportEnd(DeviceModel model, Milestone milestone) {
        return switch (milestone) {
            case END_OF_SUPPORT -> model.endOfSupport().date();
            case END_OF_SECURITY_UPDATES -> model.endOfSecurityUpdates().date();
        };
    }

    public static SupportState of(DeviceModel model, Milestone milestone, LocalDate asOf, int horizonMonths) {
        Optional<LocalDate> end = supportEnd(model, milestone);
        if (end.isEmpty()) {
            return SupportState.UNKNOWN;
        }
        if (!end.get().isAfter(asOf)) {
            return SupportState.UNSUPPORTED;
        }
        if (!end.get().isAfter(asOf.plusMonths(horizonMonths))) {
            return SupportState.ENDING_WITHIN_HORIZON;
        }
        return SupportState.SUPPORTED;
    }
}
