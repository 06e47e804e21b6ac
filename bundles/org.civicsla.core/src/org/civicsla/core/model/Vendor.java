package org.civicsla.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A supplier or service provider of the city. {@code id} is the natural key used by imports
 * (re-importing the same sheet updates the vendor instead of duplicating it).
 */
public record Vendor(String id, String name, String category, Criticality criticality, List<Contact> contacts) {
    public Vendor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        category = category == null ? "" : category;
        criticality = criticality == null ? Criticality.MEDIUM : criticality;
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }
}
