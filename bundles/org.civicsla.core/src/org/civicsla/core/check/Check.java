package org.civicsla.core.check;

import java.util.List;

/**
 * A check of one checklist step. Implementations are OSGi Declarative Services components
 * ({@code @Component(service = Check.class)}); the engine collects every registered check, so a
 * plugin adds a check by shipping a bundle with one. Implementations must be side-effect free and
 * should poll {@link CheckContext#cancelled()} in long loops.
 */
public interface Check {

    /** Stable identifier, e.g. {@code step2.sla-security-clauses}; saved with each run. */
    String id();

    /** The checklist step (1..10) this check contributes to. */
    int step();

    /** A short title for people. */
    String title();

    /** Findings per vendor (and, where useful, per contract or device) as of {@code context.asOf()}. */
    List<Finding> evaluate(CheckContext context);
}
