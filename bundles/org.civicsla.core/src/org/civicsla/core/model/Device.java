package org.civicsla.core.model;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** One installed device in the city, e.g. a camera at a crossing. */
public record Device(
        String id,
        String modelId,
        String site,
        String district,
        Optional<LocalDate> installed,
        int serviceLifeYears,
        String firmware,
        Criticality criticality,
        Optional<String> contractId,
        Optional<LocalDate> plannedReplacement) {

    public Device {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(modelId, "modelId");
        site = site == null ? "" : site;
        district = district == null ? "" : district;
        installed = installed == null ? Optional.empty() : installed;
        firmware = firmware == null ? "" : firmware;
        criticality = criticality == null ? Criticality.MEDIUM : criticality;
        contractId = contractId == null ? Optional.empty() : contractId;
        plannedReplacement = plannedReplacement == null ? Optional.empty() : plannedReplacement;
    }

    /** The end of the device's planned service life, when its install date is known. */
    public Optional<LocalDate> plannedServiceEnd() {
        return installed.map(d -> d.plusYears(serviceLifeYears));
    }
}
