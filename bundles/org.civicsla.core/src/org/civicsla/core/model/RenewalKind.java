package org.civicsla.core.model;

/** How a contract term continues after its initial term. */
public enum RenewalKind {
    /** The contract simply ends. */
    NONE,
    /** Renews by itself (tacit renewal) unless notice is given before the notice deadline. */
    AUTOMATIC,
    /** Renews only when both parties agree in writing. */
    EXPRESS
}
