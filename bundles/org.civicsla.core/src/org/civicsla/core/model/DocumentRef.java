package org.civicsla.core.model;

import java.util.Objects;

/**
 * A contract document attached to a contract. {@code path} is relative to the workspace folder
 * when the document lives inside it, absolute otherwise.
 */
public record DocumentRef(String contractId, String path, String title) {
    public DocumentRef {
        Objects.requireNonNull(contractId, "contractId");
        Objects.requireNonNull(path, "path");
        title = title == null ? "" : title;
    }
}
