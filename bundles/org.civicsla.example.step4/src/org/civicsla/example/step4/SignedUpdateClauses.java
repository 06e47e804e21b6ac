package org.civicsla.example.step4;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;

import org.civicsla.core.check.ClauseTypeFile;
import org.osgi.service.component.annotations.Component;

/**
 * Adds the clause type "Signed Software Updates" to those CivicSLA detects in contracts, from the
 * {@code clauses.yaml} beside this class: a plugin extends the clause taxonomy with data, not code. Once
 * installed, contracts are indexed with it, {@code clause:"Signed Software Updates"} searches it, and
 * {@link SecureUpdatesCheck} asks the index for it.
 */
@Component(service = ClauseTypeFile.class)
public final class SignedUpdateClauses implements ClauseTypeFile {

    static final String FILE = "clauses.yaml";

    @Override
    public String name() {
        return "org.civicsla.example.step4/" + FILE;
    }

    @Override
    public InputStream open() throws IOException {
        InputStream in = SignedUpdateClauses.class.getResourceAsStream(FILE);
        if (in == null) {
            throw new FileNotFoundException(name() + " is missing from the plugin");
        }
        return in;
    }
}
