package org.civicsla.index.clauses;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One pass finds, per type, the sentences that hold any of its anchors, as indexOf would. */
class AnchorsTest {

    private static Anchors anchors(String yaml) throws IOException {
        List<ClauseType> types = ClauseTaxonomy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "a.yaml")
                .types();
        return new Anchors(types, types.stream()
                .map(t -> t.signals().stream().map(s -> FastPattern.of(s.pattern())).toArray(FastPattern[]::new)).toList());
    }

    @Test
    void overlappingAndNonAsciiAnchorsAreAllFound() throws IOException {
        Anchors anchors = anchors("""
                types:
                  - name: A
                    anchors: [he, hers]
                    patterns: ['x']
                  - name: B
                    anchors: [she, résilié]
                    patterns: ['x']
                  - name: C
                    patterns: ['x']
                """);
        String text = "Ushers go. The contract is résilié. Nothing now. She left.";
        int[] sentences = Sentences.starts(text);
        assertArrayEquals(new int[] { 0, 11, 36, 49 }, sentences);
        Anchors.Found all = anchors.find(NormalizedText.of(text).lower(), sentences);
        boolean[][] found = all.sentences();
        assertArrayEquals(new boolean[] { true, true, false, true }, found[0], "he in ushers, the, she");
        assertArrayEquals(new boolean[] { true, true, false, true }, found[1], "she in ushers, résilié, she");
        assertNull(found[2], "no anchors: every sentence");
        assertEquals(0, all.counts()[0], "pattern 'x' opens with x, found nowhere");
    }
}
