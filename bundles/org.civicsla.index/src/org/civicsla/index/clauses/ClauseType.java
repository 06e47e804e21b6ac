package org.civicsla.index.clauses;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One clause type of the taxonomy, as data: patterns that signal it, context that must be near a
 * signal, wording that rules a signal out, and values to extract. See taxonomy-v1.yaml.
 *
 * @param patterns a signal is a match of any of these
 * @param near when not empty, a signal counts only if one of these matches within {@code window}
 *        characters around it
 * @param exclude a signal does not count if one of these matches within the window
 * @param minSignals how many counting signals make the clause present
 * @param values value name to a pattern whose first group is the value
 */
public record ClauseType(String name, String description, List<Integer> checklistSteps, List<Pattern> patterns,
        List<Pattern> near, List<Pattern> exclude, int window, int minSignals, Map<String, Pattern> values) {
    public ClauseType {
        checklistSteps = List.copyOf(checklistSteps);
        patterns = List.copyOf(patterns);
        near = List.copyOf(near);
        exclude = List.copyOf(exclude);
        values = Map.copyOf(values);
    }
}
