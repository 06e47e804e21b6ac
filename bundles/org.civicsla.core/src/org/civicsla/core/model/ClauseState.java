package org.civicsla.core.model;

public enum ClauseState {
    PRESENT, MISSING, WAIVED
}
