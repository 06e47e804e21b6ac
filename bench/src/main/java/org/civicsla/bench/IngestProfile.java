package org.civicsla.bench;

import java.nio.file.*;
import java.util.*;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.*;
import org.apache.lucene.index.*;
import org.apache.lucene.store.FSDirectory;
import org.civicsla.core.model.*;
import org.civicsla.index.DocumentIndex;
import org.civicsla.index.clauses.ClauseDetector;

/**
 * The first TXT index in a fresh JVM after raw Lucene, as IndexBench measures it, with the CPU time of the JIT
 * compiler threads (C1, C2) and GC during CivicSLA's index, read from /proc (Linux): how much of the first
 * index is compiling. Run: bench/run.sh org.civicsla.bench.IngestProfile ../shared/data/cuad-dev [--no-raw] [--no-detection]
 * ({@code --no-detection}: with an empty taxonomy, to tell what the first index costs without clause detection).
 */
public final class IngestProfile {
    static long cpu() { return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime(); }
    /** CPU seconds of this process's threads whose name starts with one of the prefixes (from /proc). */
    static Map<String, Double> threads() throws Exception {
        Map<String, Double> by = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : tasks.toList()) {
                try {
                    String comm = Files.readString(t.resolve("comm")).strip();
                    String stat = Files.readString(t.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double sec = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    String key = comm.startsWith("C2") ? "C2" : comm.startsWith("C1") ? "C1" : comm.startsWith("civicsla") ? "index" : comm.startsWith("G1") || comm.startsWith("GC") ? "GC" : "other";
                    by.merge(key, sec, Double::sum);
                } catch (Exception e) { }
            }
        }
        return by;
    }
    public static void main(String[] args) throws Exception {
        Path cuad = Path.of(args[0]);
        List<Path> txts;
        txts = IndexBench.list(cuad.resolve("contracts/txt"), ".txt");
        double rawW = 0, rawC = 0;
        List<String> options = Arrays.asList(args).subList(1, args.length);
        if (!options.contains("--no-raw")) {
            Path raw = Files.createTempDirectory("raw");
            long t = System.nanoTime(), c = cpu();
            try (IndexWriter w = new IndexWriter(FSDirectory.open(raw), new IndexWriterConfig(new EnglishAnalyzer()))) {
                for (Path p : txts) { Document d = new Document(); d.add(new TextField("text", Files.readString(p), Field.Store.NO)); w.addDocument(d); }
                w.commit();
            }
            rawW = (System.nanoTime() - t) / 1e9; rawC = (cpu() - c) / 1e9;
            System.out.printf("raw %.2f s cpu %.2f%n", rawW, rawC);
        }
        Path ws = Files.createTempDirectory("ws");
        WorkspaceData data = IndexBench.workspace(ws, txts);
        Map<String, Double> before = threads();
        long t = System.nanoTime(), c = cpu();
        ClauseDetector detector = options.contains("--no-detection") ? new ClauseDetector(org.civicsla.index.clauses.ClauseTaxonomy.load(
                new java.io.ByteArrayInputStream("types: []".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "none"))
                : ClauseDetector.standard();
        try (DocumentIndex index = DocumentIndex.open(ws, detector)) {
            index.update(ws, data, e -> { }, () -> false);
        }
        double w = (System.nanoTime() - t) / 1e9, cc = (cpu() - c) / 1e9;
        Map<String, Double> after = threads();
        StringBuilder sb = new StringBuilder("thread CPU during CivicSLA index:");
        after.forEach((k, v) -> sb.append(String.format(" %s %.2f", k, v - before.getOrDefault(k, 0.0))));
        System.out.println(sb);
        System.out.printf("civicsla %.2f s cpu %.2f  ratio wall %.2f cpu %.2f load %.1f%n", w, cc, w / rawW, cc / rawC, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
