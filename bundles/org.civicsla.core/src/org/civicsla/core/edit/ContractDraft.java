package org.civicsla.core.edit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.RenewalKind;

/**
 * A contract's editable fields as text, the way an editor shows and a person types them. Validation
 * names the field and says what is accepted, so the editor can put the message on that field; only a
 * draft without problems becomes a {@link Contract}. Keeping this out of the UI lets the command line
 * and tests use the same rules.
 */
public record ContractDraft(String number, String type, String start, String initialTermMonths, String renewal,
        String renewalPeriodMonths, String noticeDays, String status, String value, String currency) {

    public static final String NUMBER = "number";
    public static final String TYPE = "type";
    public static final String START = "start";
    public static final String INITIAL_TERM = "initialTermMonths";
    public static final String RENEWAL = "renewal";
    public static final String RENEWAL_PERIOD = "renewalPeriodMonths";
    public static final String NOTICE = "noticeDays";
    public static final String STATUS = "status";
    public static final String VALUE = "value";
    public static final String CURRENCY = "currency";

    /** Longest term or notice we accept: 50 years; anything longer is a typing slip, not a contract. */
    static final int MAX_MONTHS = 600;
    static final int MAX_NOTICE_DAYS = 3650;

    public ContractDraft {
        number = strip(number);
        type = strip(type);
        start = strip(start);
        initialTermMonths = strip(initialTermMonths);
        renewal = strip(renewal);
        renewalPeriodMonths = strip(renewalPeriodMonths);
        noticeDays = strip(noticeDays);
        status = strip(status);
        value = strip(value);
        currency = strip(currency);
    }

    public static ContractDraft of(Contract c) {
        return new ContractDraft(c.number(), c.type(), c.start().map(LocalDate::toString).orElse(""),
                Integer.toString(c.initialTermMonths()), lower(c.renewal()), Integer.toString(c.renewalPeriodMonths()),
                Integer.toString(c.noticeDays()), lower(c.status()), c.value().map(BigDecimal::toPlainString).orElse(""),
                c.currency());
    }

    /** This draft with one field replaced, by the field names above. */
    public ContractDraft with(String field, String text) {
        Map<String, String> f = new java.util.LinkedHashMap<>(fields());
        if (!f.containsKey(field)) {
            throw new IllegalArgumentException("no contract field " + field);
        }
        f.put(field, text);
        return new ContractDraft(f.get(NUMBER), f.get(TYPE), f.get(START), f.get(INITIAL_TERM), f.get(RENEWAL),
                f.get(RENEWAL_PERIOD), f.get(NOTICE), f.get(STATUS), f.get(VALUE), f.get(CURRENCY));
    }

    /** The fields by name, in the order an editor shows them. */
    public Map<String, String> fields() {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put(NUMBER, number);
        f.put(TYPE, type);
        f.put(START, start);
        f.put(INITIAL_TERM, initialTermMonths);
        f.put(RENEWAL, renewal);
        f.put(RENEWAL_PERIOD, renewalPeriodMonths);
        f.put(NOTICE, noticeDays);
        f.put(STATUS, status);
        f.put(VALUE, value);
        f.put(CURRENCY, currency);
        return f;
    }

    /** Every problem of the draft; empty when it can be stored. */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        if (number.isEmpty()) {
            problems.add(new FieldProblem(NUMBER, "Enter the contract number as it is printed on the contract."));
        }
        if (!start.isEmpty()) {
            parseDate(start).ifPresentOrElse(d -> {
            }, () -> problems.add(new FieldProblem(START, org.civicsla.core.model.Dates.notInCalendar(start.strip())
                    .map(why -> why + ".").orElse("Enter a date as YYYY-MM-DD (e.g. 2024-03-01), or leave it empty when unknown."))));
        }
        Optional<Integer> term = whole(INITIAL_TERM, initialTermMonths, 0, MAX_MONTHS, "months", problems);
        Optional<RenewalKind> kind = choice(RENEWAL, renewal, RenewalKind.class, problems);
        Optional<Integer> period = whole(RENEWAL_PERIOD, renewalPeriodMonths, 0, MAX_MONTHS, "months", problems);
        Optional<Integer> notice = whole(NOTICE, noticeDays, 0, MAX_NOTICE_DAYS, "days", problems);
        choice(STATUS, status, ContractStatus.class, problems);
        if (kind.isPresent() && kind.get() != RenewalKind.NONE && period.isPresent() && period.get() == 0) {
            problems.add(new FieldProblem(RENEWAL_PERIOD, "A contract that renews needs a renewal period of at least 1 month."));
        }
        if (term.isPresent() && notice.isPresent() && term.get() > 0 && notice.get() > term.get() * 31) {
            problems.add(new FieldProblem(NOTICE, "The notice period (" + notice.get() + " days) is longer than the initial term ("
                    + term.get() + " months)."));
        }
        if (!value.isEmpty()) {
            try {
                if (new BigDecimal(value.replace(",", "")).signum() < 0) {
                    problems.add(new FieldProblem(VALUE, "The contract value cannot be negative."));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(VALUE, "Enter the value as a number (e.g. 125000.00), or leave it empty."));
            }
        }
        if (!currency.isEmpty() && !currency.matches("[A-Za-z]{3}")) {
            problems.add(new FieldProblem(CURRENCY, "Enter a three-letter ISO 4217 currency code (e.g. EUR, USD)."));
        }
        return List.copyOf(problems);
    }

    /** The problems of one field, for the message on that field. */
    public List<FieldProblem> problems(String field) {
        return problems().stream().filter(p -> p.field().equals(field)).toList();
    }

    /**
     * The contract with this draft's fields and {@code original}'s identity, documents and covers.
     * @throws IllegalArgumentException naming the first problem, when there is one
     */
    public Contract apply(Contract original) {
        List<FieldProblem> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).field() + ": " + problems.get(0).message());
        }
        return new Contract(original.id(), original.vendorId(), number, type, parseDate(start),
                Integer.parseInt(initialTermMonths), RenewalKind.valueOf(renewal.toUpperCase(Locale.ROOT)),
                Integer.parseInt(renewalPeriodMonths), Integer.parseInt(noticeDays),
                ContractStatus.valueOf(status.toUpperCase(Locale.ROOT)),
                value.isEmpty() ? Optional.empty() : Optional.of(new BigDecimal(value.replace(",", ""))),
                currency.toUpperCase(Locale.ROOT), original.covers(), original.documents());
    }

    private static Optional<Integer> whole(String field, String text, int min, int max, String unit,
            List<FieldProblem> problems) {
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        problems.add(new FieldProblem(field, "Enter a whole number of " + unit + " from " + min + " to " + max + "."));
        return Optional.empty();
    }

    private static <E extends Enum<E>> Optional<E> choice(String field, String text, Class<E> type, List<FieldProblem> problems) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(text)) {
                return Optional.of(e);
            }
        }
        problems.add(new FieldProblem(field, "Choose one of: " + String.join(", ",
                java.util.Arrays.stream(type.getEnumConstants()).map((Function<E, String>) ContractDraft::lower).toList()) + "."));
        return Optional.empty();
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
