package org.civicsla.core.lifecycle;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.RenewalKind;

/**
 * Contract term arithmetic as of a date. An automatic (tacit) renewal rolls the contract over by its
 * renewal period unless notice is given {@code noticeDays} before a term ends; an express renewal
 * needs both parties to agree before the end; a contract without renewal simply ends. Unknown start
 * dates or terms give empty answers, never guesses.
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
        if (contract.renewal() != RenewalKind.AUTOMATIC || contract.renewalPeriodMonths() <= 0) {
            return Optional.empty();
        }
        // Months since the end of the initial term tell how many renewals have happened; adjust for day-of-month.
        long months = ChronoUnit.MONTHS.between(first.end(), asOf);
        int renewals = (int) (months / contract.renewalPeriodMonths()) + 1;
        Term term = renewal(contract, first, renewals);
        while (!term.covers(asOf)) {
            renewals += asOf.isBefore(term.start()) ? -1 : 1;
            term = renewal(contract, first, renewals);
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
        if (contract.renewal() == RenewalKind.AUTOMATIC && contract.renewalPeriodMonths() > 0) {
            // Too late for this term: the contract will renew once more; the next chance is the next term's deadline.
            Term next = new Term(term.end(), term.end().plusMonths(contract.renewalPeriodMonths()), term.renewals() + 1);
            return Optional.of(deadline(contract, next));
        }
        return Optional.empty();
    }

    /**
     * The day the city's commitment ends if it acts now: the end of the current term, or, for an
     * automatic renewal whose notice deadline has passed, the end of the next term.
     */
    public static Optional<LocalDate> endOfCommitment(Contract contract, LocalDate asOf) {
        Optional<Term> current = currentTerm(contract, asOf);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Term term = current.get();
        if (contract.renewal() == RenewalKind.AUTOMATIC && contract.renewalPeriodMonths() > 0
                && deadline(contract, term).isBefore(asOf)) {
            return Optional.of(term.end().plusMonths(contract.renewalPeriodMonths()));
        }
        return Optional.of(term.end());
    }

    private static Optional<Term> initialTerm(Contract contract) {
        if (contract.start().isEmpty() || contract.initialTermMonths() <= 0) {
            return Optional.empty();
        }
        LocalDate start = contract.start().get();
        return Optional.of(new Term(start, start.plusMonths(contract.initialTermMonths()), 0));
    }

    private static Term renewal(Contract contract, Term initial, int renewals) {
        int period = contract.renewalPeriodMonths();
        LocalDate start = initial.end().plusMonths((long) period * (renewals - 1));
        return new Term(start, initial.end().plusMonths((long) period * renewals), renewals);
    }

    /** Notice must arrive {@code noticeDays} before the term ends, i.e. by the day before that. */
    private static LocalDate deadline(Contract contract, Term term) {
        return term.end().minusDays(contract.noticeDays() + 1L);
    }
}
