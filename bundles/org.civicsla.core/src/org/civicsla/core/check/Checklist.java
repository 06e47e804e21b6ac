package org.civicsla.core.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ten-step checklist, read from {@code checklist-v1.txt} so wording changes need no code change. */
public final class Checklist {

    private static final List<Step> STEPS = load();

    private Checklist() {
    }

    public static List<Step> steps() {
        return STEPS;
    }

    public static Optional<Step> step(int number) {
        return STEPS.stream().filter(s -> s.number() == number).findFirst();
    }

    private static List<Step> load() {
        List<Step> steps = new ArrayList<>();
        try (InputStream in = Checklist.class.getResourceAsStream("checklist-v1.txt");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\|", 3);
                steps.add(new Step(Integer.parseInt(parts[0].strip()), parts[1].strip(), parts[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checklist-v1.txt", e);
        }
        return List.copyOf(steps);
    }
}
