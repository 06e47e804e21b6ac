package org.civicsla.core.check;

import java.util.List;
import java.util.Optional;

/**
 * How one contract stands on one clause type (see {@link ClauseVerdicts}): {@code status} {@link Status#PASS} (present,
 * or waived), {@link Status#WARNING} (present, but it does not state the value a requirement limits),
 * {@link Status#FAIL} (missing, or over a requirement's limit) or {@link Status#UNKNOWN}; {@code reason} why it did not
 * pass, as a procurement officer reads it ("C-1: Breach Notification is missing"); {@code evidence} what shows it (the
 * record entered by hand, or the passage quoted); {@code hits} the passages the documents gave, the contract's own
 * documents first (none when {@code byHand}: a record entered by hand decides, whatever the documents say).
 */
public record ClauseVerdict(Status status, Optional<String> reason, List<Evidence> evidence, List<ClauseHit> hits,
        boolean byHand) {

    public ClauseVerdict {
        evidence = List.copyOf(evidence);
        hits = List.copyOf(hits);
    }

    public boolean passed() {
        return status == Status.PASS;
    }
}
