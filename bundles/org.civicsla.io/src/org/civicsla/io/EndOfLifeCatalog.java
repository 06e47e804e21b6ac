package org.civicsla.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Real life-cycle dates in the endoflife.date format: one Markdown file per product whose YAML
 * front matter lists release cycles with {@code eol}, {@code eoas}, {@code eoes}, {@code discontinued}
 * (each a date or true/false). What {@code eol} means differs per product and is kept: the front
 * matter's {@code eolColumn} ("Security Support", "End of Support", "Discontinued", ...).
 */
public final class EndOfLifeCatalog {

    /**
     * A life-cycle field of the catalog: a date, or only {@code true} ("reached", no date given) or
     * {@code false} ("not reached, no date announced"), or absent.
     */
    public record CatalogDate(Optional<LocalDate> date, Optional<Boolean> flag) {
        public static final CatalogDate ABSENT = new CatalogDate(Optional.empty(), Optional.empty());

        public CatalogDate {
            date = date == null ? Optional.empty() : date;
            flag = flag == null ? Optional.empty() : flag;
        }

        /** Whether the catalog says anything at all. */
        public boolean present() {
            return date.isPresent() || flag.isPresent();
        }

        @Override
        public String toString() {
            return date.map(LocalDate::toString)
                    .orElse(flag.map(f -> f ? "reached (no date given)" : "not announced").orElse("absent"));
        }
    }

    /**
     * One release cycle of a product: when it was released, when its {@code eol} (meaning: the
     * product's {@link Product#eolMeaning}), active support ({@code eoas}), paid extended support
     * ({@code eoes}) end, and when it was discontinued (no longer sold or made).
     */
    public record Release(String cycle, String label, Optional<LocalDate> releaseDate, CatalogDate eol,
            CatalogDate eoas, CatalogDate eoes, CatalogDate discontinued, boolean lts) {
    }

    /** A product, what its columns mean, and its releases (newest first, as the catalog lists them). */
    public record Product(String id, String title, String eolMeaning, String eoasMeaning, List<Release> releases) {
        public Product {
            releases = List.copyOf(releases);
        }

        /** The release cycle named exactly {@code cycle} (e.g. "17.15", "posready-7"). */
        public Optional<Release> release(String cycle) {
            return releases.stream().filter(r -> r.cycle().equals(cycle)).findFirst();
        }
    }

    private final List<Product> products;

    private EndOfLifeCatalog(List<Product> products) {
        this.products = List.copyOf(products);
    }

    public List<Product> products() {
        return products;
    }

    /** The product of file {@code <id>.md}, e.g. "cisco-ios-xe". */
    public Optional<Product> product(String id) {
        return products.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * Reads a product file, or every {@code *.md} of a folder (or of its {@code products/} folder).
     * Files that are not valid are listed in {@code problems} with their name and skipped.
     */
    public static EndOfLifeCatalog read(Path fileOrFolder, List<ImportProblem> problems) throws IOException {
        List<Path> files = new ArrayList<>();
        Path folder = Files.isDirectory(fileOrFolder.resolve("products")) ? fileOrFolder.resolve("products") : fileOrFolder;
        if (Files.isDirectory(folder)) {
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
            }
        } else {
            files.add(fileOrFolder);
        }
        List<Product> products = new ArrayList<>();
        for (Path file : files) {
            try {
                products.add(product(file));
            } catch (IOException e) {
                problems.add(new ImportProblem(file.getFileName().toString(), "", 0, "", e.getMessage()));
            }
        }
        return new EndOfLifeCatalog(products);
    }

    static Product product(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) > 2 * 1024 * 1024) {
            throw new IOException("is larger than 2 MB; not a product file");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException("is not UTF-8 text; not a product file (endoflife.date Markdown)", e);
        }
        if (!text.startsWith("---")) {
            throw new IOException("has no YAML front matter (it must start with ---)");
        }
        int end = text.indexOf("\n---", 3);
        if (end < 0) {
            throw new IOException("front matter is not closed by ---");
        }
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(2 * 1024 * 1024);
        Object root;
        try {
            root = new Yaml(new SafeConstructor(options)).load(text.substring(3, end));
        } catch (YAMLException e) {
            throw new IOException("front matter is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> front)) {
            throw new IOException("front matter is not a mapping");
        }
        String id = name.replaceFirst("\\.md$", "");
        List<Release> releases = new ArrayList<>();
        if (front.get("releases") instanceof List<?> list) {
            int index = 0;
            for (Object entry : list) {
                index++;
                if (!(entry instanceof Map<?, ?> release) || release.get("releaseCycle") == null) {
                    throw new IOException("release " + index + " has no releaseCycle");
                }
                String cycle = String.valueOf(release.get("releaseCycle"));
                releases.add(new Release(cycle, text(release.get("releaseLabel"), cycle),
                        field(release.get("releaseDate"), cycle, "releaseDate").date(),
                        field(release.get("eol"), cycle, "eol"), field(release.get("eoas"), cycle, "eoas"),
                        field(release.get("eoes"), cycle, "eoes"), field(release.get("discontinued"), cycle, "discontinued"),
                        Boolean.TRUE.equals(release.get("lts")) || release.get("lts") instanceof Date));
            }
        } else {
            throw new IOException("has no releases list");
        }
        return new Product(id, text(front.get("title"), id), text(front.get("eolColumn"), "End of Life"),
                text(front.get("eoasColumn"), "Active Support"), releases);
    }

    private static String text(Object value, String fallback) {
        return value instanceof String s && !s.isBlank() ? s.strip() : fallback;
    }

    /** A date field: YAML dates, ISO strings; {@code true}/{@code false} say "reached" or "not yet" without a date. */
    private static CatalogDate field(Object value, String cycle, String field) throws IOException {
        if (value == null) {
            return CatalogDate.ABSENT;
        }
        if (value instanceof Boolean flag) {
            return new CatalogDate(Optional.empty(), Optional.of(flag));
        }
        if (value instanceof Date date) {
            // SafeConstructor reads a YAML date as midnight UTC.
            return new CatalogDate(Optional.of(date.toInstant().atZone(ZoneOffset.UTC).toLocalDate()), Optional.empty());
        }
        try {
            return new CatalogDate(Optional.of(LocalDate.parse(String.valueOf(value).strip())), Optional.empty());
        } catch (DateTimeParseException e) {
            throw new IOException("release " + cycle + ": " + field + " '" + value + "' is not a date");
        }
    }

    /** How the catalog's {@code eol} maps onto CivicSLA's milestones, read from the product's eolColumn. */
    public enum EolMeaning {
        SECURITY_UPDATES, SUPPORT, SALE;

        static EolMeaning of(String eolColumn) {
            String column = eolColumn.toLowerCase(Locale.ROOT);
            if (column.contains("security")) {
                return SECURITY_UPDATES;
            }
            if (column.contains("discontinu") || column.contains("availability")) {
                return SALE;
            }
            return SUPPORT;
        }
    }
}
