package org.civicsla.index;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

import org.civicsla.index.extract.DocumentText;

/**
 * The text extracted from each document, kept beside the index by the document's content hash, so that reading a
 * document again whose content did not change costs no extraction: when the clause types change (a rule edited, a
 * plugin installed) every document is detected again, and when a damaged index is rebuilt every document is
 * indexed again. Extraction is most of a PDF's time in the index; detection is a few milliseconds.
 * <p>
 * One file per hash, deflated, written to a temporary file and moved into place, so a crash leaves either the whole
 * entry or none. An entry that cannot be read (damaged, truncated, of another {@code version}) is a miss: the
 * document is extracted again and the entry rewritten. Nothing here is the source of truth; a failure to write
 * is logged once and indexing goes on.
 */
final class TextCache {
    private static final int MAGIC = 0x43534c54; // "CSLT"
    private static final String SUFFIX = ".text";
    /**
     * The longest text kept: 2,000 pages (the extractor's limit) of 16,000 characters. A longer entry, damaged or
     * crafted, is a miss before it takes the memory it claims; a document with longer text is extracted each time.
     */
    private static final int MAX_CHARS = 32 * 1024 * 1024;
    private static final int MAX_ENTRIES = 1_000_000;

    private final Path folder;
    private final String version;
    private final AtomicBoolean warned = new AtomicBoolean();

    /** {@code version}: of the extraction (TextExtractor.version()); entries of another version are misses. */
    TextCache(Path folder, String version) {
        this.folder = folder;
        this.version = version;
    }

    /** Whether extracting the file costs enough to keep its text: PDF and DOCX (layout, fonts, XML), not TXT. */
    static boolean worthKeeping(Path file) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".pdf") || name.endsWith(".docx");
    }

    /** The text extracted earlier from content with this hash, if there is a readable entry. */
    Optional<DocumentText> get(String hash) {
        Path file = folder.resolve(hash + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new BufferedInputStream(new InflaterInputStream(raw)))) {
            // The hash too: an entry copied or renamed onto another's name is not that content's text.
            if (in.readInt() != MAGIC || !version.equals(string(in, 256)) || !hash.equals(string(in, 256))) {
                return Optional.empty();
            }
            String text = string(in, MAX_CHARS);
            int pageCount = count(in);
            List<DocumentText.Page> pages = new ArrayList<>(Math.min(pageCount, 1024));
            for (int i = 0; i < pageCount; i++) {
                int number = in.readInt();
                int start = in.readInt();
                int end = in.readInt();
                if (start < 0 || end < start || end > text.length()) {
                    return Optional.empty();
                }
                pages.add(new DocumentText.Page(number, start, end));
            }
            int sectionCount = count(in);
            List<DocumentText.Section> sections = new ArrayList<>(Math.min(sectionCount, 1024));
            for (int i = 0; i < sectionCount; i++) {
                int start = in.readInt();
                if (start < 0 || start > text.length()) {
                    return Optional.empty();
                }
                sections.add(new DocumentText.Section(start, string(in, 64 * 1024)));
            }
            // The end marker, then the end of the stream: reading to it makes the inflater check its checksum.
            if (in.readInt() != MAGIC || in.read() != -1) {
                return Optional.empty();
            }
            return Optional.of(new DocumentText(text, pages, sections));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    /** Keeps the text extracted from content with this hash; a failure to write is logged, not thrown. */
    void put(String hash, DocumentText text) {
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, hash, ".tmp");
            // The fastest level: the entry is written on every extraction, and text deflates well at any level.
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (OutputStream raw = Files.newOutputStream(temporary);
                    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new DeflaterOutputStream(raw, deflater)))) {
                out.writeInt(MAGIC);
                string(out, version);
                string(out, hash);
                string(out, text.text());
                out.writeInt(text.pages().size());
                for (DocumentText.Page page : text.pages()) {
                    out.writeInt(page.number());
                    out.writeInt(page.start());
                    out.writeInt(page.end());
                }
                out.writeInt(text.sections().size());
                for (DocumentText.Section section : text.sections()) {
                    out.writeInt(section.start());
                    string(out, section.title());
                }
                out.writeInt(MAGIC);
            } finally {
                deflater.end();
            }
            Files.move(temporary, folder.resolve(hash + SUFFIX), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // Left behind; removed by the next retain.
                }
            }
            if (warned.compareAndSet(false, true)) {
                System.getLogger(TextCache.class.getName()).log(System.Logger.Level.WARNING,
                        "cannot keep extracted text in " + folder + " (documents will be extracted again next time): " + e);
            }
        }
    }

    /**
     * Removes the entries of content no document has any more, and temporary files a crash left behind. A file that
     * cannot be removed (open elsewhere) is left for the next time; nothing here fails an update.
     */
    void retain(Set<String> hashes) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        int left = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean live = name.endsWith(SUFFIX) && hashes.contains(name.substring(0, name.length() - SUFFIX.length()));
                try {
                    if (!live) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    left++;
                }
            }
        } catch (IOException | java.nio.file.DirectoryIteratorException e) {
            left++;
        }
        if (left > 0) {
            System.getLogger(TextCache.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remove all old extracted text from " + folder + "; it is tried again after the next update");
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ENTRIES) {
            throw new IOException("damaged entry");
        }
        return count;
    }

    /** UTF-8 with an int length: writeUTF stops at 64 KB. */
    private static void string(DataOutputStream out, String value) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(DataInputStream in, int maxChars) throws IOException {
        int length = in.readInt();
        // A char is at most three bytes of UTF-8: a longer string than allowed means a damaged entry.
        if (length < 0 || length > 3L * maxChars) {
            throw new IOException("damaged entry");
        }
        byte[] bytes = in.readNBytes(length);
        String value = new String(bytes, StandardCharsets.UTF_8);
        if (bytes.length != length || value.length() > maxChars) {
            throw new IOException("damaged entry");
        }
        return value;
    }
}
