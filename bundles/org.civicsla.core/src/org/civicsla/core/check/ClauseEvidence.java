package org.civicsla.core.check;

import java.util.List;
import java.util.Optional;

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

    /** Evidence provider for a workspace without indexed documents. */
    ClauseEvidence NONE = (contractId, clauseType) -> List.of();
}
