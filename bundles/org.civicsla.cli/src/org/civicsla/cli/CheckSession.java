package org.civicsla.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.civicsla.checks.CheckEngine;
import org.civicsla.checks.RunHistory;
import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.RequirementProfile;
import org.civicsla.core.check.RequirementProfiles;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.WorkspaceStore;
import org.civicsla.index.DocumentIndex;

/** What check, report and run share: open the workspace, read its documents, run the checks. */
record CheckSession(Path folder, WorkspaceData data, CheckRun run) {

    static final Set<String> OPTIONS = Set.of("workspace", "as-of", "steps", "profile");

    static CheckSession run(Arguments args, PrintWriter err) throws UsageException, InputException {
        return run(args, Optional.empty(), err);
    }

    /** As {@link #run(Arguments, PrintWriter)}, for one vendor's report: an unknown vendor fails before any check runs. */
    static CheckSession run(Arguments args, Optional<String> vendor, PrintWriter err) throws UsageException, InputException {
        LocalDate asOf = Dates.asOf(args);
        List<Integer> steps = steps(args.option("steps"));
        RequirementProfile profile = profile(args.option("profile"));
        CheckEngine engine = Services.get(CheckEngine.class);
        // A step no installed check covers would show an empty matrix and "0 vendors fail": say so instead.
        Set<Integer> covered = new TreeSet<>();
        engine.checks().forEach(check -> covered.add(check.step()));
        List<Integer> uncovered = steps.stream().filter(step -> !covered.contains(step)).toList();
        if (!uncovered.isEmpty()) {
            throw new InputException("no installed check covers step " + uncovered.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + "; the installed checks cover step"
                    + (covered.size() == 1 ? " " : "s ") + covered.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " (plugins add checks: civicsla install)");
        }
        WorkspaceData data;
        Path folder;
        try (WorkspaceStore store = WorkspaceAccess.open(args)) {
            data = store.snapshot();
            folder = store.folder();
        }
        if (vendor.isPresent() && data.vendors().stream().noneMatch(v -> v.id().equals(vendor.get()))) {
            throw new InputException("--vendor " + vendor.get() + ": no such vendor in " + folder);
        }
        CheckRun run;
        var detector = WorkspaceAccess.detector(folder);
        try (DocumentIndex index = DocumentIndex.open(folder, detector)) {
            // The index reads only documents that are new or changed since the last run.
            index.update(folder, data, message -> err.println("civicsla: " + message), () -> false);
            run = engine.run(data, asOf, profile, index, steps, () -> false);
        } catch (IOException e) {
            throw new InputException(folder.resolve("index") + ": cannot use the document index: " + e.getMessage(), e);
        }
        run.failures().forEach(f -> err.println("civicsla: check " + f.checkId() + " (step " + f.step() + ") " + f.message()));
        try {
            // Every run is kept, so 'civicsla diff' can say what got better or worse since the last one.
            new RunHistory(folder).save(run);
        } catch (IOException e) {
            err.println("civicsla: could not save the run in " + folder.resolve("runs") + ": " + e.getMessage());
        }
        return new CheckSession(folder, data, run);
    }

    private static List<Integer> steps(Optional<String> option) throws UsageException {
        List<Integer> steps = new ArrayList<>();
        if (option.isEmpty()) {
            return steps;
        }
        for (String part : option.get().split(",")) {
            try {
                int step = Integer.parseInt(part.strip());
                if (step < 1 || step > 10) {
                    throw new NumberFormatException();
                }
                steps.add(step);
            } catch (NumberFormatException e) {
                throw new UsageException("--steps lists checklist steps 1..10 separated by commas, e.g. 2,5; not '"
                        + option.get() + "'");
            }
        }
        return steps;
    }

    private static RequirementProfile profile(Optional<String> file) throws InputException {
        if (file.isEmpty()) {
            return RequirementProfiles.defaultProfile();
        }
        Path path = Path.of(file.get());
        try (Reader in = Files.newBufferedReader(path)) {
            return RequirementProfiles.read(in, path.toString());
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(path + ": is not a profile (not UTF-8 text); see civicsla check --help", e);
        } catch (IOException e) {
            throw new InputException(e.getMessage().startsWith(path.toString()) ? e.getMessage()
                    : path + ": cannot read the profile: " + e.getMessage(), e);
        }
    }
}
