package org.civicsla.index.clauses;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.civicsla.core.check.ClauseTypeFile;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The clause detector a workspace uses: the standard clause types, then those plugins register as
 * {@link ClauseTypeFile} services, then the workspace's own {@value #WORKSPACE_FILE}; a type named as an
 * earlier one replaces it. Everything that indexes or searches a workspace's documents asks here, so the
 * index, the checks and the search see the same types (the index detects again when they change).
 */
@Component(service = ClauseDetectors.class)
public final class ClauseDetectors {

    /** The file in a workspace folder with the clause types that workspace adds or replaces. */
    public static final String WORKSPACE_FILE = "clauses.yaml";

    private static final System.Logger LOG = System.getLogger(ClauseDetectors.class.getName());
    /** Detectors kept, by the files they were built from: building one parses and compiles every pattern. */
    private static final int KEPT = 8;

    private final List<ClauseTypeFile> plugins = new CopyOnWriteArrayList<>();
    private final Map<String, ClauseDetector> built = new ConcurrentHashMap<>();
    /**
     * Each plugin's file as read, once: a plugin's file is part of its bundle and does not change while the plugin is
     * registered, and every index and search asks for the detector. Empty when it could not be read.
     */
    private final Map<ClauseTypeFile, java.util.Optional<Source>> read = java.util.Collections
            .synchronizedMap(new java.util.IdentityHashMap<>());

    /** For OSGi: plugins' files arrive as services. */
    public ClauseDetectors() {
    }

    /** Without OSGi (the command line's tests, benchmarks): the given plugin files. */
    public ClauseDetectors(List<ClauseTypeFile> plugins) {
        this.plugins.addAll(plugins);
    }

    @Reference(service = ClauseTypeFile.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFile(ClauseTypeFile file) {
        plugins.add(file);
        built.clear();
    }

    void removeFile(ClauseTypeFile file) {
        plugins.remove(file);
        read.remove(file);
        built.clear();
    }

    /**
     * The detector of the workspace in {@code workspace}: with its {@value #WORKSPACE_FILE} when it has one.
     *
     * @throws IOException naming the file and the clause type when the workspace's file is not a valid taxonomy
     */
    public ClauseDetector forWorkspace(Path workspace) throws IOException {
        Path file = workspace.resolve(WORKSPACE_FILE);
        return with(Files.isRegularFile(file) ? List.of(file) : List.of());
    }

    /**
     * The detector of the standard types, the plugins' and those of {@code files}, in that order. A plugin's
     * file that cannot be read is left out with a warning in the log (a plugin must not stop every index and
     * check); a file of the caller's is an error.
     *
     * @throws IOException naming the file and the clause type when one of {@code files} is not a valid taxonomy
     */
    public ClauseDetector with(List<Path> files) throws IOException {
        if (plugins.isEmpty() && files.isEmpty()) {
            return ClauseDetector.standard();
        }
        // The detector is kept by what the files say: an edit of the workspace's file (read at each call, a few KB)
        // is seen whatever the clock of the file system, and the same files give the same detector (and
        // fingerprint) in every caller.
        List<Source> sources = new ArrayList<>();
        for (ClauseTypeFile plugin : plugins) {
            read.computeIfAbsent(plugin, ClauseDetectors::read).ifPresent(sources::add);
        }
        // By name, then content: the order decides which of two files naming the same type wins, so it must not
        // depend on the order the plugins happened to start in.
        sources.sort(Comparator.comparing(Source::name).thenComparing(Source::digest));
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                sources.add(Source.of(file.toString(), in.readNBytes(ClauseTaxonomy.MAX_BYTES + 1), false));
            }
        }
        String key = sources.stream().map(source -> source.name() + "@" + source.digest())
                .collect(java.util.stream.Collectors.joining("\n"));
        ClauseDetector kept = built.get(key);
        if (kept != null) {
            return kept;
        }
        ClauseTaxonomy taxonomy = ClauseDetector.standard().taxonomy();
        for (Source source : sources) {
            try {
                taxonomy = taxonomy.merge(ClauseTaxonomy.load(new java.io.ByteArrayInputStream(source.content()), source.name()));
            } catch (IOException | RuntimeException e) {
                if (!source.plugin()) {
                    throw e;
                }
                LOG.log(System.Logger.Level.WARNING, "clause types of a plugin left out: " + e.getMessage(), e);
            }
        }
        ClauseDetector detector = new ClauseDetector(taxonomy);
        if (built.size() >= KEPT) {
            built.clear();
        }
        built.put(key, detector);
        return detector;
    }

    /** A plugin's file; empty, with a warning in the log, when it cannot be read. */
    private static java.util.Optional<Source> read(ClauseTypeFile plugin) {
        try (InputStream in = plugin.open()) {
            return java.util.Optional.of(Source.of(plugin.name(), in.readNBytes(ClauseTaxonomy.MAX_BYTES + 1), true));
        } catch (IOException | RuntimeException | LinkageError e) {
            LOG.log(System.Logger.Level.WARNING, "clause types of a plugin left out: " + e.getMessage(), e);
            return java.util.Optional.empty();
        }
    }

    /** A taxonomy file read: its name for messages, its content and the content's digest. */
    private record Source(String name, byte[] content, String digest, boolean plugin) {
        static Source of(String name, byte[] content, boolean plugin) {
            return new Source(name, content, ClauseTaxonomy.sha256(content), plugin);
        }
    }
}
