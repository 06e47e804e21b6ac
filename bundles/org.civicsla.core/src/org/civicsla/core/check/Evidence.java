package org.civicsla.core.check;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a finding says what it says: a passage of a contract document (with document and page), a
 * clause record someone entered, a store record or a date. Reports quote {@code snippet} verbatim.
 */
public record Evidence(Kind kind, String description, Optional<String> document, OptionalInt page, String snippet) {

    public enum Kind {
        CLAUSE_PASSAGE, CLAUSE_RECORD, STORE_RECORD, DATE
    }

    public Evidence {
        Objects.requireNonNull(kind, "kind");
        description = description == null ? "" : description;
        document = document == null ? Optional.empty() : document;
        page = page == null ? OptionalInt.empty() : page;
        snippet = snippet == null ? "" : snippet;
    }

    public static Evidence of(Kind kind, String description) {
        return new Evidence(kind, description, Optional.empty(), OptionalInt.empty(), "");
    }
}
