package org.civicsla.core.edit;

import java.util.Objects;

/** A value a person typed that cannot be stored: which field, and a message that says what would do. */
public record FieldProblem(String field, String message) {
    public FieldProblem {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
