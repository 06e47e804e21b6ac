package org.civicsla.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.librepdf.openpdf.fonts.Liberation;
import org.openpdf.text.Font;
import org.openpdf.text.pdf.BaseFont;

/**
 * Liberation Sans (SIL Open Font License, shipped by openpdf-fonts-extra), embedded as subsets with
 * Identity-H encoding, so any vendor name prints right — Łódź and Müller included — and the PDF looks
 * the same on every reader. The built-in Helvetica is neither embedded nor Unicode. Loaded per report:
 * a font's embedded subset is tracked per document, and parsing three fonts costs a few milliseconds.
 */
final class Fonts {

    final BaseFont regular;
    final BaseFont bold;
    final BaseFont italic;

    private Fonts(BaseFont regular, BaseFont bold, BaseFont italic) {
        this.regular = regular;
        this.bold = bold;
        this.italic = italic;
    }

    static Fonts load() {
        return new Fonts(font("LiberationSans-Regular.ttf"), font("LiberationSans-Bold.ttf"),
                font("LiberationSans-Italic.ttf"));
    }

    private static BaseFont font(String name) {
        // Read through the fonts bundle's own class loader: in OSGi the TTFs are resources of that bundle.
        try (InputStream in = Liberation.class.getResourceAsStream("/liberation/" + name)) {
            if (in == null) {
                throw new IllegalStateException("font " + name + " is missing from openpdf-fonts-extra");
            }
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load font " + name, e);
        }
    }

    Font text(float size) {
        return new Font(regular, size);
    }

    Font strong(float size) {
        return new Font(bold, size);
    }

    Font quote(float size) {
        return new Font(italic, size);
    }
}
