package org.civicsla.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.civicsla.index.extract.DocumentText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextCacheTest {

    @TempDir
    Path folder;

    private static final String WORDS = "9. LIABILITY\nCap of €1,000,000 😀.\f10. TERM\nTwo years.";
    private static final int BREAK = WORDS.indexOf('\f') + 1;
    private final DocumentText text = new DocumentText(WORDS,
            List.of(new DocumentText.Page(1, 0, BREAK), new DocumentText.Page(2, BREAK, WORDS.length())),
            List.of(new DocumentText.Section(0, "9. LIABILITY"), new DocumentText.Section(BREAK, "10. TERM")));

    @Test
    void keepsTheTextItsPagesAndSections() {
        TextCache cache = new TextCache(folder, "9");
        assertEquals(Optional.empty(), cache.get("abc"));
        cache.put("abc", text);
        assertEquals(Optional.of(text), cache.get("abc"));
        assertEquals(Optional.empty(), new TextCache(folder, "10").get("abc"), "kept by another version of extraction");
        cache.put("abc", new DocumentText("short", List.of(new DocumentText.Page(1, 0, 6))));
        assertEquals(Optional.empty(), cache.get("abc"), "a page beyond the text");
    }

    @Test
    void aDamagedEntryIsAMiss() throws Exception {
        TextCache cache = new TextCache(folder, "9");
        cache.put("abc", text);
        Path entry = folder.resolve("abc.text");
        byte[] whole = Files.readAllBytes(entry);
        for (int length : new int[] { 0, 3, whole.length / 2, whole.length - 1 }) {
            Files.write(entry, Arrays.copyOf(whole, length));
            assertEquals(Optional.empty(), cache.get("abc"), "cut to " + length + " bytes");
        }
        byte[] flipped = whole.clone();
        flipped[whole.length / 2] ^= 0x10;
        Files.write(entry, flipped);
        assertEquals(Optional.empty(), cache.get("abc"), "a byte changed");
        Files.write(entry, whole);
        Files.copy(entry, folder.resolve("def.text"));
        assertEquals(Optional.empty(), cache.get("def"), "another content's entry under this one's name");
        assertEquals(Optional.of(text), cache.get("abc"));
    }

    @Test
    void retainKeepsOnlyTheLiveEntries() throws Exception {
        TextCache cache = new TextCache(folder, "9");
        cache.put("abc", text);
        cache.put("def", text);
        Files.writeString(folder.resolve("abc123.tmp"), "left by a crash");
        cache.retain(Set.of("def"));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("def.text"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertEquals(Optional.of(text), cache.get("def"));
    }
}
