package org.civicsla.core.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.civicsla.core.model.Contract;

/** What the document index knows about a contract's clauses; checks ask it, the index answers. */
public interface ClauseEvidence {

    /** Clause hits of the given type in the documents attached to the contract, best first. */
    List<ClauseHit> find(String contractId, String clauseType);

    /**
     * Whether documents are looked at for this clause type at all. A requirement profile is the city's, but clause
     * types can be a workspace's own (its clauses.yaml) or a plugin's: a type this workspace does not define is not
     * "missing" from its contracts, it is unknown. True unless the provider knows otherwise.
     */
    default boolean detects(String clauseType) {
        return true;
    }

    /**
     * Why the document at {@code path} of the contract could not be looked at (damaged, encrypted, too large, not
     * indexed yet), or empty when it was read: a clause not found in a document no one could read is not missing,
     * it is unknown.
     */
    default Optional<String> unread(String contractId, String path) {
        return Optional.empty();
    }

    /**
     * Why {@code clauseType}, found in none of the documents of {@code contract}, is unknown rather than missing,
     * worded to follow the type's name ("is not a clause type of this workspace; ...", "not found, but a.pdf
     * (encrypted) could not be read"); empty when it is missing. The checks and the vendor editor both ask this, so
     * the editor does not call "missing" what the checklist calls unknown.
     */
    default Optional<String> whyUnknown(Contract contract, String clauseType) {
        return whyUnknown(detects(clauseType), unread(contract));
    }

    /** The documents of {@code contract} that could not be read, by path, with why; in the contract's order. */
    default Map<String, String> unread(Contract contract) {
        Map<String, String> unread = new LinkedHashMap<>();
        contract.documents().forEach(d -> unread(contract.id(), d.path()).ifPresent(why -> unread.put(d.path(), why)));
        return unread;
    }

    /**
     * {@link #whyUnknown(Contract, String)} from what is known already: whether the type is detected, and the contract's
     * {@link #unread(Contract) unread} documents (asked once for all the types of a contract).
     */
    static Optional<String> whyUnknown(boolean detected, Map<String, String> unread) {
        if (!detected) {
            return Optional.of("is not a clause type of this workspace; add it to its clauses.yaml or record the clause by hand");
        }
        return unread.isEmpty() ? Optional.empty() : Optional.of("not found, but " + String.join(", ",
                unread.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")").toList()) + " could not be read");
    }

    /** Evidence provider for a workspace without indexed documents. */
    ClauseEvidence NONE = (contractId, clauseType) -> List.of();
}
