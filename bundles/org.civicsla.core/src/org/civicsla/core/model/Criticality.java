package org.civicsla.core.model;

/** How much the city depends on a vendor or a device; drives severities and sort orders. */
public enum Criticality {
    LOW, MEDIUM, HIGH, CRITICAL
}
