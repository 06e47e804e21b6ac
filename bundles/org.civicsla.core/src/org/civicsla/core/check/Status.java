package org.civicsla.core.check;

/** Outcome of a check for one subject. Declared from best to worst so that max() is the worst. */
public enum Status {
    PASS, UNKNOWN, WARNING, FAIL;

    public Status worst(Status other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
