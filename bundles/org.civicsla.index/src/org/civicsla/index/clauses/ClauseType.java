package org.civicsla.index.clauses;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One clause type of the taxonomy, as data: literal anchors that pick the sentences worth looking at,
 * weighted patterns that signal the type there, context that must be near a signal, wording that rules
 * a signal out, and values to extract. See taxonomy-v1.yaml.
 *
 * @param anchors lower-case literals; when not empty, patterns run only on sentences holding one of
 *        them (a cheap {@code indexOf} instead of a regular expression over the whole text)
 * @param signals a signal is a match of any of these patterns, worth its weight
 * @param near when not empty, a signal counts only if one of these matches in its context: the
 *        sentence around it (and {@code contextSentences} sentences either side), at most
 *        {@code window} characters either side of the match
 * @param exclude a signal does not count if one of these matches in its context
 * @param contextSentences how many neighbouring sentences on each side belong to a signal's context
 * @param excludeInClause when true, {@code exclude} looks only at the signal's clause: its context cut at the
 *        semicolons before and after the match (an enumeration "(a) at will; (b) on breach" keeps its items apart)
 * @param minScore the sum of the weights of counting signals that makes the clause present
 * @param values value name to a pattern whose first group is the value
 */
public record ClauseType(String name, String description, List<Integer> checklistSteps, List<String> anchors,
        List<Signal> signals, List<Pattern> near, List<Pattern> exclude, int window, int contextSentences,
        boolean excludeInClause, double minScore, Map<String, Pattern> values) {

    /** A pattern and what one match of it counts towards {@code minScore}. */
    public record Signal(Pattern pattern, double weight) {
    }

    public ClauseType {
        checklistSteps = List.copyOf(checklistSteps);
        anchors = List.copyOf(anchors);
        signals = List.copyOf(signals);
        near = List.copyOf(near);
        exclude = List.copyOf(exclude);
        values = Map.copyOf(values);
    }

    /** The signal patterns, without weights. */
    public List<Pattern> patterns() {
        return signals.stream().map(Signal::pattern).toList();
    }
}
