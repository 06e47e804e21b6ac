package org.civicsla.core.lifecycle;

/** Where a device model stands against the chosen life-cycle milestone. */
public enum SupportState {
    SUPPORTED, ENDING_WITHIN_HORIZON, UNSUPPORTED, UNKNOWN
}
