package org.civicsla.bench;

import java.nio.file.*;
import java.util.*;
import org.civicsla.core.model.*;
import org.civicsla.index.DocumentIndex;
import org.civicsla.index.clauses.ClauseDetector;

/**
 * Search latency round after round in one JVM, on an index kept in a folder between runs: warm figures beside
 * IndexBench's first 1,000 queries, and the latency of each query. {@code -Ddump=FILE} writes every hit, snippet,
 * score, total and facet of a set of queries, to compare two versions; {@code -Dskip} searches without facets.
 * Run: bench/run.sh org.civicsla.bench.SearchProfile ../shared/data/cuad-dev /tmp/cuad-ws 10
 */
public final class SearchProfile {
    static final DocumentIndex.Facets F = System.getProperty("skip") != null ? DocumentIndex.Facets.SKIP : DocumentIndex.Facets.COUNT;
    public static void main(String[] args) throws Exception {
        Path cuad = Path.of(args[0]);
        Path ws = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        List<Path> txts;
        txts = IndexBench.list(cuad.resolve("contracts/txt"), ".txt");
        Files.createDirectories(ws);
        WorkspaceData data = IndexBench.workspace(ws, txts);
        List<String> queries = IndexBench.QUERIES;
        try (DocumentIndex index = DocumentIndex.open(ws, ClauseDetector.standard())) {
            var sum = index.update(ws, data, e -> { }, () -> false);
            System.out.println(sum);
            if (System.getProperty("dump") != null) {
                List<String> more = new ArrayList<>(queries);
                more.addAll(List.of("indemnity~", "secur* AND status:active", "vendor:V-1 AND warranty", "terminat*", "\"security incident\"",
                        "confidential*", "audit~1", "licen?e", "agreem*", "clause:\"Insurance\"", "governing law", "notice NOT termination", "/insur[a-z]+/"));
                try (var out = new java.io.PrintWriter(System.getProperty("dump"))) {
                    for (String q : more) { var r = index.search(q, 20); out.println("Q " + q + " total=" + r.totalHits() + " " + new TreeMap<>(r.facets()));
                        for (var h : r.hits()) out.println("  " + h); }
                }
            }
            for (String q : queries) { var r = index.search(q, 10); System.out.println(q + " total=" + r.totalHits() + " facets=" + r.facets().get("clause").size()); }
            for (int round = 0; round < rounds; round++) {
                for (int i = 0; i < 100; i++) index.search(queries.get(i % queries.size()), 10);
                long[][] per = new long[queries.size()][100];
                long[] all = new long[1000]; long[] cpu = new long[1000];
                var mx = java.lang.management.ManagementFactory.getThreadMXBean();
                for (int i = 0; i < 1000; i++) {
                    long c = mx.getCurrentThreadCpuTime();
                    long t = System.nanoTime();
                    index.search(queries.get(i % queries.size()), 10, F);
                    long d = System.nanoTime() - t;
                    cpu[i] = mx.getCurrentThreadCpuTime() - c;
                    all[i] = d; per[i % queries.size()][i / queries.size()] = d;
                }
                if (round == 0) { for (int b = 0; b < 5; b++) { long[] blk = Arrays.copyOfRange(all, b * 200, b * 200 + 200); Arrays.sort(blk); System.out.printf("  block %d p50 %.3f%n", b, blk[100] / 1e6); } }
                Arrays.sort(all);
                Arrays.sort(cpu); System.out.printf("round %d: p50 %.3f p99 %.3f  cpu p50 %.3f p99 %.3f load %s%n", round, all[500] / 1e6, all[990] / 1e6, cpu[500] / 1e6, cpu[990] / 1e6, java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                if (round == rounds - 1) for (int q = 0; q < queries.size(); q++) { Arrays.sort(per[q]); System.out.printf("  %-40s p50 %.3f%n", queries.get(q), per[q][50] / 1e6); }
            }
        }
    }
}
