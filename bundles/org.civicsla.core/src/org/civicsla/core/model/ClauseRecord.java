package org.civicsla.core.model;

import java.util.Objects;

/**
 * What is known about one clause type in one contract. {@code clauseType} is a category name of
 * the clause taxonomy (e.g. "Audit Rights", "Breach Notification"). A WAIVED record must carry the
 * reason, which reports show next to the finding.
 */
public record ClauseRecord(
        String contractId,
        String clauseType,
        ClauseState state,
        String reason,
        String document,
        String section,
        ClauseSource source) {

    public ClauseRecord {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(clauseType, "clauseType");
        Objects.requireNonNull(state, "state");
        reason = reason == null ? "" : reason;
        document = document == null ? "" : document;
        section = section == null ? "" : section;
        source = source == null ? ClauseSource.MANUAL : source;
    }
}
