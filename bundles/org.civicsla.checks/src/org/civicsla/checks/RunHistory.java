package org.civicsla.checks;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.civicsla.core.check.CheckFailure;
import org.civicsla.core.check.CheckRun;
import org.civicsla.core.check.Evidence;
import org.civicsla.core.check.Finding;
import org.civicsla.core.check.Requirement;
import org.civicsla.core.check.RequirementProfile;
import org.civicsla.core.check.Severity;
import org.civicsla.core.check.Status;
import org.civicsla.core.files.AtomicFiles;
import org.civicsla.core.model.Milestone;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Saved check runs of a workspace: one JSON file per run in {@code <workspace>/runs/}, named by
 * when it ran, holding the date it was as of, the profile it used and every finding with its
 * evidence, so two runs can be compared later ({@link RunDiff}).
 */
public final class RunHistory {

    private final Path folder;

    public RunHistory(Path workspace) {
        this.folder = workspace.resolve("runs");
    }

    /** Saves a run; returns its file. */
    public Path save(CheckRun run) throws IOException {
        String name = run.ranAt().toString().replace(':', '-') + "_as-of-" + run.asOf() + ".json";
        Path file = folder.resolve(name);
        StringWriter json = new StringWriter();
        write(run, json);
        AtomicFiles.write(file, out -> out.write(json.toString().getBytes(StandardCharsets.UTF_8)));
        return file;
    }

    /** The saved runs' files, oldest first. */
    public List<Path> runs() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    /** Reads a saved run; errors name the file. */
    public static CheckRun load(Path file) throws IOException {
        Object root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setCodePointLimit(256 * 1024 * 1024);
            // JSON is YAML: the safe YAML loader reads it without a JSON library.
            root = new Yaml(new SafeConstructor(options)).load(in);
        } catch (YAMLException e) {
            if (e.getCause() instanceof java.nio.charset.CharacterCodingException) { // SnakeYAML wraps the reader's
                throw new IOException(file.getFileName() + ": not a saved check run (not UTF-8 text)", e);
            }
            throw new IOException(file.getFileName() + ": not a saved check run: " + e.getMessage(), e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file.getFileName() + ": not a saved check run (not UTF-8 text)", e);
        }
        try {
            Map<?, ?> run = (Map<?, ?>) root;
            Map<?, ?> profile = (Map<?, ?>) run.get("profile");
            List<Requirement> requirements = new ArrayList<>();
            for (Object r : (List<?>) profile.get("requirements")) {
                Map<?, ?> req = (Map<?, ?>) r;
                requirements.add(new Requirement((String) req.get("clauseType"), Optional.ofNullable((String) req.get("valueKey")),
                        Optional.ofNullable(req.get("maxValue")).map(v -> ((Number) v).doubleValue())));
            }
            RequirementProfile requirementProfile = new RequirementProfile((String) profile.get("name"), requirements,
                    ((Number) profile.get("planningHorizonMonths")).intValue(), Milestone.valueOf((String) profile.get("milestone")));
            List<Finding> findings = new ArrayList<>();
            for (Object f : (List<?>) run.get("findings")) {
                Map<?, ?> finding = (Map<?, ?>) f;
                List<Evidence> evidence = new ArrayList<>();
                for (Object e : (List<?>) finding.get("evidence")) {
                    Map<?, ?> ev = (Map<?, ?>) e;
                    evidence.add(new Evidence(Evidence.Kind.valueOf((String) ev.get("kind")), (String) ev.get("description"),
                            Optional.ofNullable((String) ev.get("document")),
                            ev.get("page") == null ? OptionalInt.empty() : OptionalInt.of(((Number) ev.get("page")).intValue()),
                            (String) ev.get("snippet")));
                }
                List<String> reasons = new ArrayList<>();
                ((List<?>) finding.get("reasons")).forEach(r -> reasons.add((String) r));
                findings.add(new Finding((String) finding.get("checkId"), ((Number) finding.get("step")).intValue(),
                        (String) finding.get("vendorId"), Optional.ofNullable((String) finding.get("contractId")),
                        Optional.ofNullable((String) finding.get("deviceId")), Status.valueOf((String) finding.get("status")),
                        Severity.valueOf((String) finding.get("severity")), reasons, evidence));
            }
            List<CheckFailure> failures = new ArrayList<>();
            for (Object f : (List<?>) run.get("failures")) {
                Map<?, ?> failure = (Map<?, ?>) f;
                failures.add(new CheckFailure((String) failure.get("checkId"), ((Number) failure.get("step")).intValue(),
                        (String) failure.get("message")));
            }
            return new CheckRun(Instant.parse((String) run.get("ranAt")), LocalDate.parse((String) run.get("asOf")),
                    requirementProfile, findings, failures);
        } catch (ClassCastException | NullPointerException e) {
            // The JVM's own words ("Cannot invoke Map.get because profile is null") are for a programmer.
            throw new IOException(file.getFileName() + ": not a saved check run (a field is missing or not of its kind;"
                    + " runs are saved by 'civicsla check' in the workspace's runs/ folder)", e);
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IOException(file.getFileName() + ": not a saved check run (" + e.getMessage() + ")", e);
        }
    }

    static void write(CheckRun run, StringWriter out) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("ranAt", run.ranAt().toString());
        root.put("asOf", run.asOf().toString());
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("name", run.profile().name());
        profile.put("planningHorizonMonths", run.profile().planningHorizonMonths());
        profile.put("milestone", run.profile().milestone().name());
        List<Object> requirements = new ArrayList<>();
        for (Requirement r : run.profile().requirements()) {
            Map<String, Object> req = new LinkedHashMap<>();
            req.put("clauseType", r.clauseType());
            r.valueKey().ifPresent(v -> req.put("valueKey", v));
            r.maxValue().ifPresent(v -> req.put("maxValue", v));
            requirements.add(req);
        }
        profile.put("requirements", requirements);
        root.put("profile", profile);
        List<Object> findings = new ArrayList<>();
        for (Finding f : run.findings()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("checkId", f.checkId());
            finding.put("step", f.step());
            finding.put("vendorId", f.vendorId());
            f.contractId().ifPresent(c -> finding.put("contractId", c));
            f.deviceId().ifPresent(d -> finding.put("deviceId", d));
            finding.put("status", f.status().name());
            finding.put("severity", f.severity().name());
            finding.put("reasons", f.reasons());
            List<Object> evidence = new ArrayList<>();
            for (Evidence e : f.evidence()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("kind", e.kind().name());
                ev.put("description", e.description());
                e.document().ifPresent(d -> ev.put("document", d));
                e.page().ifPresent(p -> ev.put("page", p));
                ev.put("snippet", e.snippet());
                evidence.add(ev);
            }
            finding.put("evidence", evidence);
            findings.add(finding);
        }
        root.put("findings", findings);
        List<Object> failures = new ArrayList<>();
        for (CheckFailure failure : run.failures()) {
            failures.add(Map.of("checkId", failure.checkId(), "step", failure.step(), "message", failure.message()));
        }
        root.put("failures", failures);
        json(root, out, "");
        out.write("\n");
    }

    private static void json(Object value, StringWriter out, String indent) {
        if (value instanceof Map<?, ?> map) {
            out.write("{");
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.write((first ? "\n" : ",\n") + indent + "  " + CheckResultFormat.string(String.valueOf(e.getKey())) + ": ");
                json(e.getValue(), out, indent + "  ");
                first = false;
            }
            out.write((map.isEmpty() ? "" : "\n" + indent) + "}");
        } else if (value instanceof List<?> list) {
            out.write("[");
            for (int i = 0; i < list.size(); i++) {
                out.write(i == 0 ? "" : ", ");
                json(list.get(i), out, indent);
            }
            out.write("]");
        } else if (value instanceof Number number) {
            out.write(number instanceof Double d && d == Math.rint(d) ? Long.toString(d.longValue()) + ".0" : number.toString());
        } else {
            out.write(CheckResultFormat.string(String.valueOf(value)));
        }
    }

}
