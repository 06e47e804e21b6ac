package org.civicsla.core.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A product a vendor sells (camera model, controller firmware line, router OS). {@code unitCost}
 * is the replacement cost of one device, used by the replacement plan.
 */
public record DeviceModel(
        String id,
        String vendorId,
        String model,
        String category,
        LifecycleDate endOfSale,
        LifecycleDate endOfSupport,
        LifecycleDate endOfSecurityUpdates,
        Optional<BigDecimal> unitCost) {

    public DeviceModel {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vendorId, "vendorId");
        model = model == null ? "" : model;
        category = category == null ? "" : category;
        endOfSale = endOfSale == null ? LifecycleDate.UNKNOWN : endOfSale;
        endOfSupport = endOfSupport == null ? LifecycleDate.UNKNOWN : endOfSupport;
        endOfSecurityUpdates = endOfSecurityUpdates == null ? LifecycleDate.UNKNOWN : endOfSecurityUpdates;
        unitCost = unitCost == null ? Optional.empty() : unitCost;
    }
}
