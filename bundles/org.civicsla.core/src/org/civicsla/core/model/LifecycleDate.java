package org.civicsla.core.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A life-cycle milestone (end of sale, of support, of security updates) with where it came from,
 * so an asset manager can tell a vendor's bulletin from a guess, and when someone last checked it.
 */
public record LifecycleDate(Optional<LocalDate> date, String source, Optional<LocalDate> verified) {
    public static final LifecycleDate UNKNOWN = new LifecycleDate(Optional.empty(), "", Optional.empty());

    public LifecycleDate {
        date = date == null ? Optional.empty() : date;
        source = source == null ? "" : source;
        verified = verified == null ? Optional.empty() : verified;
    }

    public static LifecycleDate of(LocalDate date, String source) {
        return new LifecycleDate(Optional.ofNullable(date), source, Optional.empty());
    }

    public boolean known() {
        return date.isPresent();
    }
}
