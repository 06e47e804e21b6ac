package org.civicsla.core.check;

public enum Severity {
    INFO, LOW, MEDIUM, HIGH, CRITICAL
}
