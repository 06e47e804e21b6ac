package org.civicsla.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed arguments of one command: {@code --name value} options, {@code --flag} switches and
 * positional operands. Each command declares what it accepts, so a typo is a usage error instead of
 * a silently ignored option.
 */
final class Arguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> operands = new ArrayList<>();

    private Arguments() {
    }

    /**
     * @param valued options that take a value (without the leading dashes)
     * @param switches options without a value
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> switches) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.operands.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valued.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            throw new UsageException("option --" + name + " needs a value");
                        }
                        value = args.get(++i);
                    }
                    // The last of two would win unseen: --workspace a --workspace b must not quietly use b.
                    if (parsed.options.put(name, value) != null) {
                        throw new UsageException("option --" + name + " is given twice");
                    }
                } else if (switches.contains(name) && value == null) {
                    parsed.flags.add(name);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                parsed.operands.add(arg);
            }
        }
        return parsed;
    }

    /**
     * This, refusing operands: for a command that takes options only, a word left over ('vendors --workspace w V-001')
     * is a mistake, not something to ignore.
     */
    Arguments withoutOperands() throws UsageException {
        if (!operands.isEmpty()) {
            throw new UsageException("'" + operands.get(0) + "' is not an option; this command takes options only");
        }
        return this;
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new UsageException("option --" + name + " is required");
        }
        return value;
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> operands() {
        return List.copyOf(operands);
    }
}
