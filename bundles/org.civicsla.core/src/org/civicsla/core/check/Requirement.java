package org.civicsla.core.check;

import java.util.Objects;
import java.util.Optional;

/**
 * One clause type that every active contract must carry. {@code valueKey}/{@code maxValue} make it
 * stricter: e.g. clause "Breach Notification", value {@code notificationHours}, at most 72.
 */
public record Requirement(String clauseType, Optional<String> valueKey, Optional<Double> maxValue) {
    public Requirement {
        Objects.requireNonNull(clauseType, "clauseType");
        valueKey = valueKey == null ? Optional.empty() : valueKey;
        maxValue = maxValue == null ? Optional.empty() : maxValue;
    }

    public static Requirement of(String clauseType) {
        return new Requirement(clauseType, Optional.empty(), Optional.empty());
    }

    /**
     * The limit in words, for reports and reasons: {@code notificationHours <= 72} is "notification: at most 72
     * hours". A key without a unit at its end reads "key: at most 72".
     */
    public Optional<String> limit() {
        if (valueKey.isEmpty() || maxValue.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(valueName(valueKey.get()) + ": " + atMost().orElseThrow());
    }

    /** The maximum with its unit: "at most 72 hours" ({@code notificationHours <= 72}). */
    public Optional<String> atMost() {
        return maxValue.flatMap(max -> amount(max).map(amount -> "at most " + amount));
    }

    /** {@code value} of this requirement's key as a person writes it, with its unit: "168 hours"; empty without a key. */
    public Optional<String> amount(double value) {
        return valueKey.map(key -> number(value) + unit(key).map(u -> " " + u).orElse(""));
    }

    /** How a found clause meets the limit: {@link Verdict#MET} also when the requirement has no limit. */
    public enum Verdict {
        MET, NO_VALUE, OVER_LIMIT
    }

    /**
     * Of a contract's {@code hits} of this type (not empty, in the order evidence is shown), the one this requirement
     * is judged by: the one stating the most (a notification deadline in the agreement of 168 hours is not made good
     * by an annex that names none, nor by one of 24 hours: the weakest term signed is the one to answer for), else
     * the first.
     */
    public ClauseHit judged(java.util.List<ClauseHit> hits) {
        ClauseHit chosen = hits.get(0);
        double most = Double.NEGATIVE_INFINITY;
        for (ClauseHit hit : hits) {
            java.util.OptionalDouble value = stated(hit);
            if (value.isPresent() && value.getAsDouble() > most) {
                most = value.getAsDouble();
                chosen = hit;
            }
        }
        return chosen;
    }

    /**
     * How {@code hit} meets this requirement's limit: the one judgement the checks and the editor's clause list
     * both show, so that the list never calls "found" what the checklist fails.
     */
    public Verdict judge(ClauseHit hit) {
        if (atMost().isEmpty()) {
            return Verdict.MET;
        }
        java.util.OptionalDouble value = stated(hit);
        if (value.isEmpty()) {
            return Verdict.NO_VALUE;
        }
        return value.getAsDouble() > maxValue.orElseThrow() ? Verdict.OVER_LIMIT : Verdict.MET;
    }

    /**
     * The value {@code hit} states for this requirement's key, empty when it states none (or the requirement has no
     * key); a notification deadline given in days counts 24 hours a day.
     */
    public java.util.OptionalDouble stated(ClauseHit hit) {
        if (valueKey.isEmpty()) {
            return java.util.OptionalDouble.empty();
        }
        String key = valueKey.get();
        String direct = hit.values().get(key);
        if (direct != null) {
            return parse(direct);
        }
        if (key.endsWith("Hours")) {
            String days = hit.values().get(key.substring(0, key.length() - "Hours".length()) + "Days");
            if (days != null) {
                java.util.OptionalDouble d = parse(days);
                return d.isPresent() ? java.util.OptionalDouble.of(d.getAsDouble() * 24) : d;
            }
        }
        return java.util.OptionalDouble.empty();
    }

    private static java.util.OptionalDouble parse(String text) {
        try {
            return java.util.OptionalDouble.of(Double.parseDouble(text.strip()));
        } catch (NumberFormatException e) {
            return java.util.OptionalDouble.empty();
        }
    }

    /** What a value key names, in words: "notificationHours" is "notification", "maxOutage" is "max outage". */
    public static String valueName(String key) {
        String base = unit(key).map(u -> key.substring(0, key.length() - u.length())).orElse(key);
        return base.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The unit a value key ends with ("hours", "days", "months", "years"), if it ends with one. */
    public static Optional<String> unit(String key) {
        for (String unit : new String[] { "Hours", "Days", "Months", "Years" }) {
            if (key.endsWith(unit) && key.length() > unit.length()) {
                return Optional.of(unit.toLowerCase(java.util.Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    /** A value as a person writes it: 72, not 72.0. */
    public static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
