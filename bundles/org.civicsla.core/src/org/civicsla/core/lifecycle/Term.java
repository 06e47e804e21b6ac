package org.civicsla.core.lifecycle;

import java.time.LocalDate;

/**
 * One term of a contract: from {@code start} (inclusive) to {@code end} (exclusive: the first day
 * the term no longer covers). {@code renewals} counts the renewals before this term (0 = initial term).
 */
public record Term(LocalDate start, LocalDate end, int renewals) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(start) && day.isBefore(end);
    }
}
