package org.civicsla.core.check;

/** A check that threw, timed out or was cancelled; reported as such, never hiding other checks. */
public record CheckFailure(String checkId, int step, String message) {
}
