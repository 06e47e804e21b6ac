package org.civicsla.core.lifecycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.RenewalKind;

/**
 * Contract term arithmetic as of a date. Unknown start dates or terms give empty answers, never
 * guesses.
 * <ul>
 * <li>{@link RenewalKind#AUTOMATIC} (tacit): after the initial term the contract rolls over by
 * {@code renewalPeriodMonths}, again and again, unless notice is given {@code noticeDays} before a
 * term ends. Terms are counted from the start date ({@code start + initial + n * period} months), so
 * a contract signed on 29 February or the 31st does not drift to an earlier day with each renewal.
 * An automatic renewal without a renewal period is treated as ending after its initial term.</li>
 * <li>{@link RenewalKind#EXPRESS}: the contract ends after its initial term unless both parties
 * agree in writing. Nothing renews by itself, so only the initial term is known; its notice deadline
 * is the last day the city can still ask for the renewal in time ({@code noticeDays} before the
 * end). An agreed renewal is recorded as a new contract or a new start.</li>
 * <li>{@link RenewalKind#NONE}: the contract ends after its initial term; there is no notice.</li>
 * </ul>
 * The term arithmetic does not consult the contract's {@link org.civicsla.core.model.ContractStatus status}:
 * callers decide whether a terminated or draft contract matters to them. {@link #inForce} and {@link #describe},
 * which say whether and how a contract binds, do.
 */
public final class ContractTerms {

    private ContractTerms() {
    }

    /**
     * The term in force on {@code asOf}; for a contract that has not started yet, its initial term;
     * empty when the start or initial term is unknown, or the contract has ended.
     */
    public static Optional<Term> currentTerm(Contract contract, LocalDate asOf) {
        Optional<Term> initial = initialTerm(contract);
        if (initial.isEmpty()) {
            return Optional.empty();
        }
        Term first = initial.get();
        if (asOf.isBefore(first.end())) {
            return initial;
        }
        if (!renews(contract)) {
            return Optional.empty();
        }
        // Months since the end of the initial term give the number of renewals to within one
        // (day-of-month and short months); step to the term that really covers asOf.
        long months = ChronoUnit.MONTHS.between(first.end(), asOf);
        int renewals = (int) Math.min(Integer.MAX_VALUE - 1, months / contract.renewalPeriodMonths() + 1);
        Term term = term(contract, renewals);
        while (!term.covers(asOf)) {
            renewals += asOf.isBefore(term.start()) ? -1 : 1;
            term = term(contract, renewals);
        }
        return Optional.of(term);
    }

    /**
     * The last day on which notice can still be given: for an automatic renewal, to stop the next
     * renewal (if this term's deadline has passed, the next term's); for an express renewal, to agree
     * the renewal before the term ends. Empty for contracts that simply end, or when dates are unknown.
     */
    public static Optional<LocalDate> nextNoticeDeadline(Contract contract, LocalDate asOf) {
        Optional<Term> current = currentTerm(contract, asOf);
        if (current.isEmpty() || contract.renewal() == RenewalKind.NONE) {
            return Optional.empty();
        }
        Term term = current.get();
        LocalDate deadline = deadline(contract, term);
        if (!deadline.isBefore(asOf)) {
            return Optional.of(deadline);
        }
        if (renews(contract)) {
            // Too late for this term: the contract will renew; the next chance is the first later term's deadline
            // still ahead (more than one term on when the notice is longer than a renewal period).
            return Optional.of(deadline(contract, firstTermStillToStop(contract, term, asOf)));
        }
        return Optional.empty();
    }

    /**
     * The first term from {@code term} on whose renewal notice given on or after {@code asOf} can still stop:
     * {@code term} itself when its deadline is ahead, else a later one. Bounded: a notice as long as many renewal
     * periods is looked ahead for as many terms, no further.
     */
    private static Term firstTermStillToStop(Contract contract, Term term, LocalDate asOf) {
        Term candidate = term;
        for (int ahead = 0; ahead < MAX_TERMS_AHEAD && deadline(contract, candidate).isBefore(asOf); ahead++) {
            candidate = term(contract, candidate.renewals() + 1);
        }
        return candidate;
    }

    /** How many renewal terms ahead a deadline is looked for (a 1-month renewal with a 10-year notice period). */
    private static final int MAX_TERMS_AHEAD = 240;

    /**
     * The day the city's commitment ends if it acts now: the end of the current term, or, for an
     * automatic renewal whose notice deadline has passed, the end of the first term it can still stop.
     */
    public static Optional<LocalDate> endOfCommitment(Contract contract, LocalDate asOf) {
        Optional<Term> current = currentTerm(contract, asOf);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Term term = current.get();
        if (renews(contract)) {
            // Renews until the first term whose renewal can still be stopped: the commitment runs to its end.
            return Optional.of(firstTermStillToStop(contract, term, asOf).end());
        }
        return Optional.of(term.end());
    }

    /**
     * Whether {@code contract} binds the vendor on {@code asOf}, i.e. whether a check judges it: active and not ended,
     * including one that has not started yet.
     * A contract that ended without renewal while its status was never updated is not judged; one signed to start
     * later is, as it binds the city already (its clauses and how long it runs are what procurement can still act
     * on). Unknown dates keep a contract in (its status says it is active); an automatic renewal never ends by itself.
     */
    public static boolean inForce(Contract contract, LocalDate asOf) {
        return whyNotInForce(contract, asOf).isEmpty();
    }

    /** Why {@code contract} is not in force on {@code asOf} ("C-1 is expired", "C-2 ended 2025-06-30"); empty when it is. */
    public static Optional<String> whyNotInForce(Contract contract, LocalDate asOf) {
        if (contract.status() != org.civicsla.core.model.ContractStatus.ACTIVE) {
            return Optional.of(contract.id() + " is " + contract.status().name().toLowerCase(java.util.Locale.ROOT));
        }
        return ended(contract, asOf).map(end -> contract.id() + " ended " + end);
    }

    /**
     * The day a contract that does not renew by itself ended, when that is on or before {@code asOf}: the end of
     * its initial term. Empty while it runs, when it renews automatically, or when its dates are unknown.
     */
    public static Optional<LocalDate> ended(Contract contract, LocalDate asOf) {
        if (renews(contract)) {
            return Optional.empty();
        }
        return initialTerm(contract).map(Term::end).filter(end -> !asOf.isBefore(end));
    }

    /**
     * The contract's terms in a sentence or three, as of {@code today}: its current term, next notice deadline and
     * commitment; or that it ended, or is recorded as expired, terminated or a draft, which the checks do not judge
     * as in force (its dates then mean nothing to plan by, and are not given as if they did).
     */
    public static String describe(Contract c, LocalDate today) {
        switch (c.status()) {
            case EXPIRED, TERMINATED -> {
                return "Recorded as " + c.status().name().toLowerCase(java.util.Locale.ROOT)
                        + ": no renewal or notice dates, and the checks do not judge it. ";
            }
            case DRAFT -> {
                return "A draft, not in force: the checks do not judge it until it is active. ";
            }
            default -> {
                // active: its dates say what comes next
            }
        }
        var ended = ended(c, today);
        if (ended.isPresent()) {
            return "Ended: its last day was " + ended.get().minusDays(1) + " (no renewal by itself); the checks no longer"
                    + " judge it. ";
        }
        // Days as a person reads them: a term's last day (its end is exclusive), and the deadline with how it is
        // counted, so that "60 days before" is not taken for 60 days before the day after the term.
        String term = currentTerm(c, today).map(t -> "Current term " + t.start() + " to " + t.end().minusDays(1) + ". ")
                .orElse(c.start().isEmpty() ? "Start date unknown: renewal and notice dates cannot be computed. " : "");
        // A deadline missed a day ago is why the next one is a year away: said, or the next one reads as a mistake.
        String passed = currentTerm(c, today).filter(t -> c.renewal() != RenewalKind.NONE)
                .filter(t -> deadline(c, t).isBefore(today))
                .map(t -> "This term's notice deadline, " + deadline(c, t) + ", has passed" + (renews(c)
                        ? ": it renews on " + t.end() : "") + ". ").orElse("");
        String notice = nextNoticeDeadline(c, today).map(d -> "Next notice deadline " + d + " (" + c.noticeDays()
                + " days before a term's last day). ").orElse("");
        String end = endOfCommitment(c, today).map(d -> "Committed through " + d.minusDays(1) + ".").orElse("");
        return term + passed + notice + end;
    }

    private static Optional<Term> initialTerm(Contract contract) {
        if (contract.start().isEmpty() || contract.initialTermMonths() <= 0) {
            return Optional.empty();
        }
        LocalDate start = contract.start().get();
        return Optional.of(new Term(start, start.plusMonths(contract.initialTermMonths()), 0));
    }

    private static boolean renews(Contract contract) {
        return contract.renewal() == RenewalKind.AUTOMATIC && contract.renewalPeriodMonths() > 0;
    }

    /** The term after {@code renewals} renewals, counted from the start date (see the class comment). */
    private static Term term(Contract contract, int renewals) {
        LocalDate start = contract.start().orElseThrow();
        long initial = contract.initialTermMonths();
        long period = contract.renewalPeriodMonths();
        LocalDate from = renewals == 0 ? start : start.plusMonths(initial + period * (renewals - 1));
        return new Term(from, start.plusMonths(initial + period * renewals), renewals);
    }

    /**
     * Notice must arrive at least {@code noticeDays} before the last day of the term (the day before
     * the exclusive {@code end}): with 90 days' notice and a term ending on 31 December, the last day
     * to give notice is 2 October.
     */
    private static LocalDate deadline(Contract contract, Term term) {
        return term.end().minusDays(contract.noticeDays() + 1L);
    }
}
