package org.civicsla.bench;

import java.io.FileInputStream;
import java.io.InputStream;
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
 * Clause detection speed on the CUAD dev contracts: detects every TXT a few times to warm the JIT,
 * then times each document over several rounds and prints milliseconds per contract (mean, p50, p99,
 * max, and the total per MB of text). Usage: ClauseSpeed cuad-dev [taxonomy.yaml] [rounds]
 */
public final class ClauseSpeed {

    public static void main(String[] args) throws Exception {
        Path cuad = Path.of(args[0]);
        ClauseTaxonomy taxonomy;
        if (args.length > 1 && !args[1].equals("-")) {
            try (InputStream in = new FileInputStream(args[1])) {
                taxonomy = ClauseTaxonomy.load(in, args[1]);
            }
        } else {
            taxonomy = ClauseTaxonomy.standard();
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        ClauseDetector detector = new ClauseDetector(taxonomy);
        List<String> texts = new ArrayList<>();
        try (Stream<Path> list = Files.list(cuad.resolve("contracts/txt"))) {
            for (Path p : list.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                texts.add(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        long chars = texts.stream().mapToLong(String::length).sum();
        long sink = 0;
        for (int warm = 0; warm < 2; warm++) {
            for (String text : texts) {
                sink += detector.detect(text).size();
            }
        }
        long[] perDoc = new long[texts.size() * rounds];
        int k = 0;
        long total = 0;
        for (int r = 0; r < rounds; r++) {
            for (String text : texts) {
                long start = System.nanoTime();
                List<ClauseDetection> found = detector.detect(text);
                long took = System.nanoTime() - start;
                sink += found.size();
                perDoc[k++] = took;
                total += took;
            }
        }
        Arrays.sort(perDoc);
        System.out.printf("%d contracts (%.1f MB of text), %d types, %d rounds after warm-up%n", texts.size(), chars / 1e6,
                taxonomy.types().size(), rounds);
        System.out.printf("detection per contract: mean %.2f ms, p50 %.2f ms, p99 %.2f ms, max %.2f ms; %.1f ms per MB%n",
                total / 1e6 / perDoc.length, perDoc[perDoc.length / 2] / 1e6, perDoc[(int) (perDoc.length * 0.99)] / 1e6,
                perDoc[perDoc.length - 1] / 1e6, total / 1e6 / rounds / (chars / 1e6));
        if (sink == 42) {
            System.out.println(); // keeps the JIT from dropping the work
        }
    }
}
