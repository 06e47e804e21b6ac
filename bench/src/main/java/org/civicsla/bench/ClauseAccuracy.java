package org.civicsla.bench;

import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

import org.civicsla.index.clauses.ClauseDetection;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseSpan;
import org.civicsla.index.clauses.ClauseTaxonomy;

/**
 * Clause detection accuracy on the CUAD dev set: writes document,category,present,confidence for
 * every contract TXT and prints detection time per document. Score the output with
 * ../shared/tools/cuad_eval.py.
 *
 * <pre>
 * Usage: ClauseAccuracy [--split tune|holdout] [--evidence file.tsv] cuad-dev predictions.csv [taxonomy.yaml]
 * </pre>
 *
 * {@code --split} keeps the documents of one part of a stable split (CRC-32 of the document name mod
 * 3: 0 is the held-out third, 1 and 2 the two thirds rules are tuned on) and writes the matching rows
 * of labels.csv to {@code predictions.csv.labels.csv}, so that the scorer sees only that part.
 * {@code --evidence} writes document, category and the first evidence snippet of each present clause,
 * to study false positives.
 */
public final class ClauseAccuracy {

    public static void main(String[] args) throws Exception {
        String split = null;
        Path evidenceFile = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--split" -> split = args[++i];
                case "--evidence" -> evidenceFile = Path.of(args[++i]);
                default -> rest.add(args[i]);
            }
        }
        if (split != null && !split.equals("tune") && !split.equals("holdout")) {
            throw new IllegalArgumentException("--split is tune or holdout, not " + split);
        }
        Path cuad = Path.of(rest.get(0));
        Path predictions = Path.of(rest.get(1));
        ClauseTaxonomy taxonomy;
        if (rest.size() > 2) {
            try (InputStream in = new FileInputStream(rest.get(2))) {
                taxonomy = ClauseTaxonomy.load(in, rest.get(2));
            }
        } else {
            taxonomy = ClauseTaxonomy.standard();
        }
        ClauseDetector detector = new ClauseDetector(taxonomy);
        List<Path> files;
        String part = split;
        try (Stream<Path> list = Files.list(cuad.resolve("contracts/txt"))) {
            files = list.filter(p -> p.toString().endsWith(".txt")).filter(p -> part == null || inSplit(name(p), part))
                    .sorted().toList();
        }
        if (split != null) {
            writeLabels(cuad.resolve("labels.csv"), Path.of(predictions + ".labels.csv"), split);
        }
        List<Long> nanos = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(predictions, StandardCharsets.UTF_8));
                PrintWriter evidence = evidenceFile == null ? null
                        : new PrintWriter(Files.newBufferedWriter(evidenceFile, StandardCharsets.UTF_8))) {
            out.println("document,category,present,confidence");
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                long start = System.nanoTime();
                List<ClauseDetection> detections = detector.detect(text);
                nanos.add(System.nanoTime() - start);
                String doc = name(file);
                for (ClauseDetection d : detections) {
                    out.printf("\"%s\",%s,%s,%.2f%n", doc.replace("\"", "\"\""), d.category(), d.present() ? "Yes" : "No",
                            d.confidence());
                    if (evidence != null && d.present()) {
                        for (ClauseSpan span : d.evidence()) {
                            evidence.printf("%s\t%s\t%s%n", doc, d.category(), span.snippet().replaceAll("\\s+", " "));
                        }
                    }
                }
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d documents, detection per document: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.length, Arrays.stream(sorted).average().orElse(0) / 1e6, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.txt$", "");
    }

    /** Stable across runs and machines: the held-out third never depends on file order or hash seeds. */
    static boolean inSplit(String document, String split) {
        CRC32 crc = new CRC32();
        crc.update(document.getBytes(StandardCharsets.UTF_8));
        boolean holdout = crc.getValue() % 3 == 0;
        return split.equals("holdout") == holdout;
    }

    private static void writeLabels(Path labels, Path out, String split) throws Exception {
        List<String> lines = Files.readAllLines(labels, StandardCharsets.UTF_8);
        List<String> kept = new ArrayList<>(List.of(lines.get(0)));
        int categories = lines.get(0).split(",").length - 1;
        for (String line : lines.subList(1, lines.size())) {
            // Names hold commas but labels never do: the document is all before the category fields.
            String document = line.substring(0, nthCommaFromEnd(line, categories));
            if (document.startsWith("\"") && document.endsWith("\"")) {
                document = document.substring(1, document.length() - 1).replace("\"\"", "\"");
            }
            if (inSplit(document, split)) {
                kept.add(line);
            }
        }
        Files.write(out, kept, StandardCharsets.UTF_8);
    }

    private static int nthCommaFromEnd(String line, int n) {
        int at = line.length();
        for (int i = 0; i < n; i++) {
            at = line.lastIndexOf(',', at - 1);
        }
        return at;
    }
}
