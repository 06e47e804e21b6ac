package org.civicsla.core.check;

import java.util.List;

/** What the document index knows about a contract's clauses; checks ask it, the index answers. */
public interface ClauseEvidence {

    /** Clause hits of the given type in the documents attached to the contract, best first. */
    List<ClauseHit> find(String contractId, String clauseType);

    /** Evidence provider for a workspace without indexed documents. */
    ClauseEvidence NONE = (contractId, clauseType) -> List.of();
}
