package org.civicsla.io;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicsla.core.files.FormulaSafety;

/** Reads one CSV import file (UTF-8, comma separated, header row first; the entity is named by the file). */
final class CsvTables {

    private CsvTables() {
    }

    static void read(Path file, List<ImportProblem> problems, TableSink sink) throws IOException {
        String name = file.getFileName().toString();
        Entity entity = Entity.byFileName(name).orElse(null);
        if (entity == null) {
            problems.add(new ImportProblem(name, "", 0, "", "cannot tell what the file holds from its name; name it "
                    + String.join(", ", java.util.Arrays.stream(Entity.values()).map(Entity::csvFile).toList())));
            return;
        }
        if (looksBinary(file)) {
            problems.add(new ImportProblem(name, "", 0, "", "is not a text file (it contains NUL bytes)"));
            return;
        }
        // REPORT, not REPLACE: a Latin-1 file read as UTF-8 must be an error, not silently mangled names.
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file);
                RecordLimit reader = new RecordLimit(new BufferedReader(new InputStreamReader(in, decoder)));
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get()
                        .parse(skipBom(reader))) {
            List<String> columns = null;
            java.util.Set<String> header = null;
            for (CSVRecord record : parser) {
                reader.recordEnded();
                if (columns == null) {
                    columns = Header.check(name, "", entity, record.toList(), problems);
                    if (columns == null) {
                        return;
                    }
                    header = new java.util.HashSet<>(columns);
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    if (i >= columns.size() || columns.get(i).isEmpty()) {
                        if (!record.get(i).isBlank()) {
                            problems.add(new ImportProblem(name, "", record.getRecordNumber(), "#" + (i + 1),
                                    "value in a column without a header"));
                        }
                        continue;
                    }
                    cells.put(columns.get(i), FormulaSafety.fromCsv(record.get(i)));
                }
                Row row = new Row(name, "", record.getRecordNumber(), cells, header, problems);
                if (!row.isBlank()) {
                    sink.row(entity, row);
                }
            }
            if (columns == null) {
                problems.add(new ImportProblem(name, "", 0, "", "is empty; expected a header row"));
            }
        } catch (CancellationException e) {
            throw e;
        } catch (RecordLimit.TooLong e) {
            problems.add(new ImportProblem(name, "", e.recordNumber, "", e.getMessage()));
        } catch (UncheckedIOException e) {
            problems.add(problemOf(name, e.getCause()));
        } catch (CharacterCodingException e) {
            problems.add(new ImportProblem(name, "", 0, "", "is not UTF-8 text; save it as CSV UTF-8"));
        } catch (IOException | IllegalStateException e) {
            problems.add(problemOf(name, e));
        }
    }

    private static ImportProblem problemOf(String name, Throwable e) {
        if (e instanceof RecordLimit.TooLong tooLong) {
            return new ImportProblem(name, "", tooLong.recordNumber, "", tooLong.getMessage());
        }
        if (e instanceof CharacterCodingException) {
            return new ImportProblem(name, "", 0, "", "is not UTF-8 text; save it as CSV UTF-8");
        }
        return new ImportProblem(name, "", 0, "", "is not valid CSV: " + e.getMessage());
    }

    /**
     * Refuses a record (row) longer than {@link #MAX_RECORD}: the CSV parser holds a whole record in
     * memory, so one endless quoted field could otherwise fill the heap before any check sees it.
     */
    static final class RecordLimit extends FilterReader {
        /** Far more than a row of the widest template with every cell at Excel's limit. */
        static final long MAX_RECORD = 4L * 1024 * 1024;

        private long read;
        private long recordStart;
        private long records;

        RecordLimit(Reader in) {
            super(in);
        }

        /** The parser finished a record: the next one starts after what it has read so far. */
        void recordEnded() {
            records++;
            recordStart = read;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLong {
            read += n;
            // The parser reads ahead by a buffer at most, so a record is over the limit only well past it.
            if (read - recordStart > MAX_RECORD + 64 * 1024) {
                throw new TooLong(records + 1, "the row is longer than " + MAX_RECORD
                        + " characters; is a quote missing its closing quote?");
            }
        }

        static final class TooLong extends IOException {
            private static final long serialVersionUID = 1L;
            final long recordNumber;

            TooLong(long recordNumber, String message) {
                super(message);
                this.recordNumber = recordNumber;
            }
        }
    }

    private static Reader skipBom(Reader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static boolean looksBinary(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }
    }

}
