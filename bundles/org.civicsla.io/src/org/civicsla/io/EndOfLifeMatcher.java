package org.civicsla.io;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;

/**
 * Finds, for each device model, the catalog product and release cycle its name names ("FortiOS 7.2
 * firewall" is FortiOS, cycle 7.2) and fills its life-cycle dates from it, keeping what the catalog's
 * eol means and naming the source. Dates a person entered by hand for a model that matches no product
 * stay as they are.
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

    public static List<Match> match(List<DeviceModel> models, EndOfLifeCatalog catalog, LocalDate verified) {
        List<Match> matches = new ArrayList<>();
        for (DeviceModel model : models) {
            String name = " " + normalise(model.model()) + " ";
            for (EndOfLifeCatalog.Product product : catalog.products()) {
                if (!name.contains(" " + normalise(product.title()) + " ") && !name.contains(" " + normalise(product.id()) + " ")) {
                    continue;
                }
                Optional<EndOfLifeCatalog.Release> release = product.releases().stream()
                        .filter(r -> Pattern.compile("(^|\\s)" + Pattern.quote(normalise(r.cycle())) + "(\\s|$)").matcher(name).find())
                        .findFirst();
                if (release.isPresent()) {
                    matches.add(new Match(model, apply(model, product, release.get(), verified), product.id(),
                            release.get().cycle()));
                    break;
                }
            }
        }
        return matches;
    }

    static DeviceModel apply(DeviceModel model, EndOfLifeCatalog.Product product, EndOfLifeCatalog.Release release,
            LocalDate verified) {
        String source = "endoflife.date/" + product.id() + " " + release.cycle();
        LifecycleDate sale = model.endOfSale();
        LifecycleDate support = model.endOfSupport();
        LifecycleDate security = model.endOfSecurityUpdates();
        EndOfLifeCatalog.EolMeaning meaning = EndOfLifeCatalog.EolMeaning.of(product.eolMeaning());
        if (release.eol().isPresent()) {
            LifecycleDate eol = new LifecycleDate(release.eol(), source + " (eol: " + product.eolMeaning() + ")",
                    Optional.of(verified));
            switch (meaning) {
                case SECURITY_UPDATES -> security = eol;
                case SALE -> sale = eol;
                // Where eol means the end of life or of support, nothing, security fixes included, comes after it.
                case SUPPORT -> {
                    support = eol;
                    security = eol;
                }
            }
        }
        if (meaning == EndOfLifeCatalog.EolMeaning.SECURITY_UPDATES && release.eoas().isPresent()) {
            support = new LifecycleDate(release.eoas(), source + " (eoas: " + product.eoasMeaning() + ")", Optional.of(verified));
        }
        if (release.discontinued().isPresent()) {
            sale = new LifecycleDate(release.discontinued(), source + " (discontinued)", Optional.of(verified));
        }
        return new DeviceModel(model.id(), model.vendorId(), model.model(), model.category(), sale, support, security,
                model.unitCost());
    }

    private static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\-_/]", " ").replaceAll("\\s+", " ").strip();
    }
}
