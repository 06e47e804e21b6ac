package org.civicsla.core.model;

/** Whether a person entered the clause record or the document index found it. */
public enum ClauseSource {
    MANUAL, INDEX
}
