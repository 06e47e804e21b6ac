package org.civicsla.core.check;

import java.io.IOException;
import java.io.InputStream;

/**
 * Clause types a plugin adds to the ones CivicSLA looks for in contracts: a file in the format of the
 * standard clause taxonomy ({@code taxonomy-v1.yaml} in {@code org.civicsla.index}: types with anchors,
 * patterns, near and exclude wording, values). A type named as a standard one replaces it. Register
 * the file as an OSGi service, e.g. {@code @Component(service = ClauseTypeFile.class)}; its types are
 * then detected in every contract, indexed, searchable with {@code clause:"Its Name"}, and found by
 * checks through {@link ClauseEvidence#find}. A workspace adds its own in {@code clauses.yaml}.
 */
public interface ClauseTypeFile {

    /** Names the file in messages, e.g. "org.acme.step8/clauses.yaml": errors in it are reported so. */
    String name();

    /** Opens the file's content (YAML, UTF-8); the caller closes it. */
    InputStream open() throws IOException;
}
