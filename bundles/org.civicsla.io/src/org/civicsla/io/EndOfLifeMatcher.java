package org.civicsla.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;

/**
 * Fills device models' life-cycle dates from an endoflife.date catalog release, keeping what the
 * catalog's {@code eol} means and naming the source ({@code endoflife.date/<product> <cycle>}) so an
 * asset manager can tell the catalog from a vendor bulletin.
 * <p>
 * How the catalog maps onto CivicSLA's milestones:
 * <ul>
 * <li>{@code eol} is the end of security updates when the product's eolColumn speaks of security
 * ("Security Support"); then {@code eoas} (active support) is the end of support.</li>
 * <li>{@code eol} is the end of sale when the eolColumn says "Discontinued" or "Availability".</li>
 * <li>Otherwise ("End of Life", "Support", "Maintenance", ...) {@code eol} ends support, and nothing,
 * security fixes included, comes after it: it sets both the end of support and of security updates.</li>
 * <li>{@code discontinued} is the end of sale.</li>
 * <li>{@code eoes} (paid extended support) is not assumed: the city has bought it or not, which the
 * catalog cannot know. It appears in the source text when the catalog has it.</li>
 * </ul>
 * A field the catalog gives only as {@code true} ("reached, no date") or {@code false} ("not
 * announced") leaves the date unknown and says so in the source.
 */
public final class EndOfLifeMatcher {

    /** A device model matched to a catalog release, with the dates it gets from it. */
    public record Match(DeviceModel before, DeviceModel after, String product, String cycle) {
        public boolean changes() {
            return !before.equals(after);
        }
    }

    private EndOfLifeMatcher() {
    }

    /**
     * Matches each model whose name names a catalog product (by title or file id) and one of its
     * release cycles (by cycle or label): "FortiOS 7.2 firewall" is FortiOS, cycle 7.2. When several
     * products match, the longest name wins ("Cisco IOS XE" over "IOS"). Models that match nothing
     * are not in the result and keep their dates.
     */
    public static List<Match> match(List<DeviceModel> models, EndOfLifeCatalog catalog, LocalDate verified) {
        List<Match> matches = new ArrayList<>();
        for (DeviceModel model : models) {
            String name = " " + normalise(model.model()) + " ";
            catalog.products().stream()
                    .filter(p -> matchedLength(name, p) > 0)
                    .sorted(Comparator.comparingInt((EndOfLifeCatalog.Product p) -> matchedLength(name, p)).reversed())
                    .flatMap(product -> product.releases().stream().filter(r -> names(name, r))
                            .map(r -> new Match(model, apply(model, product, r, verified), product.id(), r.cycle())))
                    .findFirst().ifPresent(matches::add);
        }
        return matches;
    }

    /**
     * Matches one model to a product and cycle a person chose (when its name does not say it).
     *
     * @return empty when the catalog has no such product or cycle
     */
    public static Optional<Match> match(DeviceModel model, EndOfLifeCatalog catalog, String productId, String cycle,
            LocalDate verified) {
        return catalog.product(productId).flatMap(product -> product.release(cycle).map(release ->
                new Match(model, apply(model, product, release, verified), product.id(), release.cycle())));
    }

    private static int matchedLength(String name, EndOfLifeCatalog.Product product) {
        String title = normalise(product.title());
        String id = normalise(product.id());
        int byTitle = name.contains(" " + title + " ") ? title.length() : 0;
        return Math.max(byTitle, name.contains(" " + id + " ") ? id.length() : 0);
    }

    private static boolean names(String name, EndOfLifeCatalog.Release release) {
        return containsWord(name, normalise(release.cycle())) || containsWord(name, normalise(release.label()));
    }

    private static boolean containsWord(String name, String words) {
        return !words.isEmpty() && Pattern.compile("(^|\\s)" + Pattern.quote(words) + "(\\s|$)").matcher(name).find();
    }

    static DeviceModel apply(DeviceModel model, EndOfLifeCatalog.Product product, EndOfLifeCatalog.Release release,
            LocalDate verified) {
        String source = "endoflife.date/" + product.id() + " " + release.cycle();
        String extended = release.eoes().present() ? "; extended support until " + release.eoes() + " if bought" : "";
        LifecycleDate sale = model.endOfSale();
        LifecycleDate support = model.endOfSupport();
        LifecycleDate security = model.endOfSecurityUpdates();
        EndOfLifeCatalog.EolMeaning meaning = EndOfLifeCatalog.EolMeaning.of(product.eolMeaning());
        if (release.eol().present()) {
            String said = source + " (eol: " + product.eolMeaning() + extended + ")";
            LifecycleDate eol = date(release.eol(), said, verified);
            switch (meaning) {
                case SECURITY_UPDATES -> security = eol;
                case SALE -> sale = eol;
                case SUPPORT -> {
                    support = eol;
                    security = eol;
                }
            }
        }
        if (meaning == EndOfLifeCatalog.EolMeaning.SECURITY_UPDATES && release.eoas().present()) {
            support = date(release.eoas(), source + " (eoas: " + product.eoasMeaning() + ")", verified);
        }
        if (release.discontinued().present()) {
            sale = date(release.discontinued(), source + " (discontinued)", verified);
        }
        return new DeviceModel(model.id(), model.vendorId(), model.model(), model.category(), sale, support, security,
                model.unitCost());
    }

    private static LifecycleDate date(EndOfLifeCatalog.CatalogDate field, String source, LocalDate verified) {
        String said = field.date().isPresent() ? source : source + " " + field;
        return new LifecycleDate(field.date(), said, Optional.of(verified));
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\-_/]", " ").replaceAll("\\s+", " ").strip();
    }
}
