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

import org.civicsla.index.clauses.ClauseDetection;
import org.civicsla.index.clauses.ClauseDetector;
import org.civicsla.index.clauses.ClauseTaxonomy;

/**
 * Clause detection accuracy on the CUAD dev set: writes document,category,present,confidence for
 * every contract TXT and prints detection time per document. Score the output with
 * ../shared/tools/cuad_eval.py. Usage: ClauseAccuracy <cuad-dev folder> <predictions.csv> [taxonomy.yaml]
 */
public final class ClauseAccuracy {

    public static void main(String[] args) throws Exception {
        Path cuad = Path.of(args[0]);
        ClauseTaxonomy taxonomy;
        if (args.length > 2) {
            try (InputStream in = new FileInputStream(args[2])) {
                taxonomy = ClauseTaxonomy.load(in, args[2]);
            }
        } else {
            taxonomy = ClauseTaxonomy.standard();
        }
        ClauseDetector detector = new ClauseDetector(taxonomy);
        List<Path> files;
        try (Stream<Path> list = Files.list(cuad.resolve("contracts/txt"))) {
            files = list.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<Long> nanos = new ArrayList<>();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            out.println("document,category,present,confidence");
            for (Path file : files) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                long start = System.nanoTime();
                List<ClauseDetection> detections = detector.detect(text);
                nanos.add(System.nanoTime() - start);
                String doc = file.getFileName().toString().replaceFirst("\\.txt$", "");
                for (ClauseDetection d : detections) {
                    out.printf("\"%s\",%s,%s,%.2f%n", doc.replace("\"", "\"\""), d.category(), d.present() ? "Yes" : "No",
                            d.confidence());
                }
            }
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("%d documents, detection per document: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                sorted.length, Arrays.stream(sorted).average().orElse(0) / 1e6, sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, sorted[sorted.length - 1] / 1e6);
    }
}
