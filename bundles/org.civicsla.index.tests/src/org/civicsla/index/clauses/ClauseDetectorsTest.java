package org.civicsla.index.clauses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.civicsla.core.check.ClauseTypeFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The clause types of a workspace: the standard ones, the plugins' and the workspace's clauses.yaml. */
class ClauseDetectorsTest {

    private static final String OVERRIDE = """
            version: "riverton-1"
            types:
              - name: Manual Override
                steps: [8]
                description: The city can run the system by hand when automation fails.
                patterns: ['\\bmanual (?:override|operation|control)\\b']
            """;

    @TempDir
    Path workspace;

    private static Map<String, ClauseDetection> detect(ClauseDetector detector, String text) {
        return detector.detect(text).stream().collect(Collectors.toMap(ClauseDetection::category, d -> d));
    }

    private static ClauseTypeFile plugin(String name, String yaml) {
        return new ClauseTypeFile() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    @Test
    void aWorkspaceWithoutItsOwnTypesUsesTheStandardDetector() throws IOException {
        assertSame(ClauseDetector.standard(), new ClauseDetectors(List.of()).forWorkspace(workspace));
    }

    @Test
    void aWorkspacesClausesFileAddsTypesAndIsReadAgainWhenEdited() throws IOException {
        Path file = workspace.resolve(ClauseDetectors.WORKSPACE_FILE);
        Files.writeString(file, OVERRIDE);
        ClauseDetectors detectors = new ClauseDetectors(List.of());
        ClauseDetector detector = detectors.forWorkspace(workspace);
        assertEquals(ClauseDetector.standard().taxonomy().types().size() + 1, detector.taxonomy().types().size());
        Map<String, ClauseDetection> found = detect(detector,
                "Operators keep manual control of every signal. The Supplier shall maintain cyber insurance.");
        assertTrue(found.get("Manual Override").present());
        assertTrue(found.get("Insurance").present(), "the standard types stay");
        assertSame(detector, detectors.forWorkspace(workspace), "an unchanged file is not parsed again");
        assertNotEquals(ClauseDetector.standard().taxonomy().fingerprint(), detector.taxonomy().fingerprint());

        Files.writeString(file, OVERRIDE.replace("override|operation|control", "override|operation"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));
        ClauseDetector edited = detectors.forWorkspace(workspace);
        assertNotSame(detector, edited);
        assertNotEquals(detector.taxonomy().fingerprint(), edited.taxonomy().fingerprint());
        assertFalse(detect(edited, "Operators keep manual control of every signal.").get("Manual Override").present());
    }

    @Test
    void anInvalidWorkspaceFileIsAnErrorNamingTheFileAndTheType() throws IOException {
        Files.writeString(workspace.resolve(ClauseDetectors.WORKSPACE_FILE),
                "types:\n  - name: Manual Override\n    patterns: ['(manual']\n");
        IOException error = assertThrows(IOException.class, () -> new ClauseDetectors(List.of()).forWorkspace(workspace));
        assertTrue(error.getMessage().contains(ClauseDetectors.WORKSPACE_FILE + ", type 'Manual Override', patterns 1"),
                error.getMessage());
    }

    @Test
    void pluginsAddTypesInNameOrderAndABrokenPluginFileIsLeftOut() throws IOException {
        ClauseTypeFile first = plugin("a.plugin/clauses.yaml", OVERRIDE);
        // Replaces the type the first plugin added: later files (by name) replace earlier ones.
        ClauseTypeFile second = plugin("b.plugin/clauses.yaml",
                "types:\n  - name: Manual Override\n    steps: [8]\n    patterns: ['\\bhand operation\\b']\n");
        ClauseTypeFile broken = plugin("c.plugin/clauses.yaml", "types: [");
        ClauseDetector detector = new ClauseDetectors(List.of(broken, second, first)).with(List.of());
        assertEquals(ClauseDetector.standard().taxonomy().types().size() + 1, detector.taxonomy().types().size());
        assertTrue(detect(detector, "The lights allow hand operation.").get("Manual Override").present());
        assertFalse(detect(detector, "The lights allow manual override.").get("Manual Override").present());

        // The same files give the same fingerprint, whatever order the plugins arrived in, even two of one name.
        assertEquals(detector.taxonomy().fingerprint(),
                new ClauseDetectors(List.of(first, broken, second)).with(List.of()).taxonomy().fingerprint());
        ClauseTypeFile twin = plugin("b.plugin/clauses.yaml", OVERRIDE);
        assertEquals(new ClauseDetectors(List.of(second, twin)).with(List.of()).taxonomy().fingerprint(),
                new ClauseDetectors(List.of(twin, second)).with(List.of()).taxonomy().fingerprint());
    }
}
