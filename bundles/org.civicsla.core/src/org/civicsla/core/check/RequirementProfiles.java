package org.civicsla.core.check;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import org.civicsla.core.model.Milestone;

/**
 * The default requirement profile (what the checklist's step 2 asks of every contract) and its file
 * format: a properties file with {@code name}, {@code horizonMonths}, {@code milestone} and
 * {@code require.N = Clause Type[ | valueKey <= max]}.
 */
public final class RequirementProfiles {

    private static final java.util.Set<String> KEYS = java.util.Set.of("name", "horizonMonths", "milestone");
    private static final String FORMAT = "a profile has the lines name = ..., horizonMonths = 24, milestone = END_OF_SECURITY_UPDATES"
            + " (or END_OF_SUPPORT) and require.1 = Clause Type, require.2 = Breach Notification | notificationHours <= 72, ...";

    private RequirementProfiles() {
    }

    public static RequirementProfile defaultProfile() {
        return new RequirementProfile("Checklist default (steps 2 and 5)", List.of(
                Requirement.of("Audit Rights"),
                Requirement.of("Penetration Test Rights"),
                new Requirement("Breach Notification", Optional.of("notificationHours"), Optional.of(72.0)),
                Requirement.of("Cap On Liability"),
                Requirement.of("Insurance"),
                Requirement.of("Liquidated Damages"),
                Requirement.of("Data Protection"),
                Requirement.of("Security Incident Response 24x7"),
                Requirement.of("Vulnerability And Patch Management")), 24, Milestone.END_OF_SECURITY_UPDATES);
    }

    /**
     * Reads a profile; errors name {@code source} and the key. A profile must require at least one clause type,
     * and has no keys but these.
     */
    /** The farthest a profile plans ahead: 50 years, longer than any device's service life. */
    static final int MAX_HORIZON_MONTHS = 600;

    public static RequirementProfile read(Reader in, String source) throws IOException {
        // A key written twice would keep its last value only: a second require.1 quietly drops the first
        // requirement, and a vendor passes a check the city meant to make. Refused instead.
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (containsKey(key)) {
                    throw new IllegalArgumentException(source + ": '" + key + "' is written twice; give each key once"
                            + " (number the requirements require.1, require.2, ...)");
                }
                return super.put(key, value);
            }
        };
        try {
            properties.load(in);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        String name = properties.getProperty("name", source).strip();
        int horizon;
        try {
            horizon = Integer.parseInt(properties.getProperty("horizonMonths", "24").strip());
        } catch (NumberFormatException e) {
            throw new IOException(source + ": horizonMonths is not a whole number");
        }
        if (horizon < 1 || horizon > MAX_HORIZON_MONTHS) {
            throw new IOException(source + ": horizonMonths is " + horizon + "; plan from 1 to " + MAX_HORIZON_MONTHS
                    + " months ahead");
        }
        Milestone milestone;
        try {
            milestone = Milestone.valueOf(properties.getProperty("milestone", "END_OF_SECURITY_UPDATES").strip()
                    .toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": milestone is END_OF_SUPPORT or END_OF_SECURITY_UPDATES");
        }
        TreeMap<Integer, String> lines = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            // A misspelt key, or a file of another format read as properties, must not quietly require nothing.
            if (!key.startsWith("require.") && !KEYS.contains(key)) {
                throw new IOException(source + ": unknown key '" + key + "'; " + FORMAT);
            }
            if (key.startsWith("require.")) {
                String earlier;
                try {
                    earlier = lines.put(Integer.parseInt(key.substring("require.".length())), properties.getProperty(key));
                } catch (NumberFormatException e) {
                    throw new IOException(source + ": " + key + " must be require.<number>");
                }
                if (earlier != null) { // require.1 and require.01
                    throw new IOException(source + ": " + key + " is numbered as another require key; give each its own"
                            + " number");
                }
            }
        }
        if (lines.isEmpty()) {
            throw new IOException(source + ": requires no clause type; " + FORMAT);
        }
        List<Requirement> requirements = new ArrayList<>();
        for (var line : lines.entrySet()) {
            requirements.add(requirement(line.getValue(), source + ", require." + line.getKey()));
        }
        return new RequirementProfile(name, requirements, horizon, milestone);
    }

    private static Requirement requirement(String text, String where) throws IOException {
        String[] parts = text.split("\\|", 2);
        String clause = parts[0].strip();
        if (clause.isEmpty()) {
            throw new IOException(where + ": names no clause type");
        }
        if (parts.length == 1 || parts[1].isBlank()) {
            return Requirement.of(clause);
        }
        String[] limit = parts[1].split("<=", 2);
        if (limit.length != 2) {
            throw new IOException(where + ": write a limit as 'valueKey <= number', e.g. notificationHours <= 72");
        }
        try {
            return new Requirement(clause, Optional.of(limit[0].strip()), Optional.of(Double.parseDouble(limit[1].strip())));
        } catch (NumberFormatException e) {
            throw new IOException(where + ": '" + limit[1].strip() + "' is not a number");
        }
    }

    public static void write(RequirementProfile profile, Writer out) throws IOException {
        out.write("# CivicSLA requirement profile\n");
        out.write("name = " + profile.name() + "\n");
        out.write("horizonMonths = " + profile.planningHorizonMonths() + "\n");
        out.write("milestone = " + profile.milestone().name() + "\n");
        int i = 1;
        for (Requirement r : profile.requirements()) {
            out.write("require." + i++ + " = " + r.clauseType()
                    + (r.valueKey().isPresent() && r.maxValue().isPresent()
                            ? " | " + r.valueKey().get() + " <= " + Requirement.number(r.maxValue().get()) : "") + "\n");
        }
    }
}
