package org.civicsla.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contract with a vendor. Terms are in months, notice in days, as procurement contracts state
 * them. {@code start} is empty when the signed date is unknown: life-cycle arithmetic then answers
 * "unknown" rather than guessing.
 */
public record Contract(
        String id,
        String vendorId,
        String number,
        String type,
        Optional<LocalDate> start,
        int initialTermMonths,
        RenewalKind renewal,
        int renewalPeriodMonths,
        int noticeDays,
        ContractStatus status,
        Optional<BigDecimal> value,
        String currency,
        List<String> covers,
        List<DocumentRef> documents) {

    public Contract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendorId, "vendorId");
        number = number == null ? "" : number;
        type = type == null ? "" : type;
        start = start == null ? Optional.empty() : start;
        renewal = renewal == null ? RenewalKind.NONE : renewal;
        status = status == null ? ContractStatus.ACTIVE : status;
        value = value == null ? Optional.empty() : value;
        currency = currency == null ? "" : currency;
        covers = covers == null ? List.of() : List.copyOf(covers);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }
}
