package org.civicsla.core.check;

/** One step of the smart-city security checklist. */
public record Step(int number, String title, String description) {
}
