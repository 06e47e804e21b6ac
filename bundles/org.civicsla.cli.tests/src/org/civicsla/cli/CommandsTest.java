package org.civicsla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands end to end, in the OSGi runtime the product runs (services through DS). */
class CommandsTest {

    @TempDir
    Path dir;

    private Path workspace;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int civicsla(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return new CommandLine(Commands.all()).run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void sampleCity() throws Exception {
        workspace = dir.resolve("city");
        Path imports = Files.createDirectories(workspace.resolve("import"));
        Files.writeString(imports.resolve("vendors.csv"), "id,name,criticality\nV-1,Civic Cloud,critical\nV-2,Harbourview CCTV,high\n");
        Files.writeString(imports.resolve("contracts.csv"), "id,vendor_id,start,initial_term_months,status,documents\n"
                + "C-1,V-1,2026-01-01,36,active,documents/C-1.txt\nC-2,V-2,2026-01-01,36,active,documents/C-2.txt\n");
        Files.createDirectories(workspace.resolve("documents"));
        Files.writeString(workspace.resolve("documents/C-1.txt"), "The Supplier shall notify the City of any security "
                + "incident within seventy-two (72) hours. The City may audit the Supplier's records at any time.");
        Files.writeString(workspace.resolve("documents/C-2.txt"), "The Supplier shall report any security incident to the "
                + "City within seven (7) days.");
    }

    @Test
    void checkPrintsOneRowPerVendorAndStepAndExitsOneWhenAVendorFails() throws Exception {
        Path profile = Files.writeString(dir.resolve("profile.properties"), "name = Riverton minimum\n"
                + "require.1 = Breach Notification | notificationHours <= 72\n");
        int code = civicsla("check", "--workspace", workspace.toString(), "--as-of", "2026-11-22", "--steps", "2",
                "--profile", profile.toString(), "--format", "csv");
        assertEquals(ExitCode.FINDINGS, code, err.toString());
        List<String> rows = out.toString().lines().toList();
        assertEquals("vendor_id,vendor,step,status,reasons", rows.get(0));
        assertEquals("V-1,Civic Cloud,2,pass,every active contract carries the 1 required security clauses", rows.get(1));
        assertEquals("V-2,Harbourview CCTV,2,fail,C-2: Breach Notification allows 168 hours, more than the required 72 hours",
                rows.get(2).replace("\"", ""));
        assertTrue(Files.isDirectory(workspace.resolve("runs")), "the run is saved");
    }

    @Test
    void lifecycleKeepsItsColumnsInLineWhateverTheNamesLength() throws Exception {
        Path imports = workspace.resolve("import");
        Files.writeString(imports.resolve("device-models.csv"), "id,vendor_id,model,end_of_security_updates\n"
                + "M-1,V-2,HV-4K,2027-06-30\n"
                + "M-LONG-ID,V-2,Raspberry Pi 4 Model B air-quality sensor node with the extended enclosure and LTE modem,\n");
        Files.writeString(imports.resolve("devices.csv"), "id,model_id,installed\nD-1,M-1,2022-01-01\nD-2,M-LONG-ID,2022-01-01\n");
        assertEquals(ExitCode.OK, civicsla("import", "--workspace", workspace.toString(), imports.resolve("vendors.csv").toString(),
                imports.resolve("contracts.csv").toString(), imports.resolve("device-models.csv").toString(),
                imports.resolve("devices.csv").toString()), err.toString());
        assertEquals(ExitCode.OK, civicsla("lifecycle", "--workspace", workspace.toString(), "--as-of", "2026-11-22"),
                err.toString());
        List<String> table = out.toString().lines().dropWhile(l -> !l.startsWith("Model")).takeWhile(l -> !l.isBlank()).toList();
        assertEquals(3, table.size(), out.toString());
        int ends = table.get(0).indexOf("Ends");
        assertEquals(ends, table.get(1).indexOf("2027-06-30"), "the dates stand under their heading: " + table);
        assertEquals(ends, table.get(2).indexOf("unknown"), "the long name is cut, not pushing its row out: " + table);
        assertTrue(table.get(2).contains("sensor node with the e... "), table.get(2));
    }

    @Test
    void reportWritesThePdfAndTheWorkbook() {
        int code = civicsla("report", "--workspace", workspace.toString(), "--as-of", "2026-11-22",
                "--out", dir.resolve("out/report.pdf").toString(), "--xlsx", dir.resolve("out/findings.xlsx").toString());
        assertEquals(ExitCode.FINDINGS, code, err.toString());
        assertTrue(Files.isRegularFile(dir.resolve("out/report.pdf")));
        assertTrue(Files.isRegularFile(dir.resolve("out/findings.xlsx")));
    }

    @Test
    void searchFindsPassagesAndBadInputIsAnErrorNamingIt() {
        assertEquals(ExitCode.OK, civicsla("search", "--workspace", workspace.toString(), "\"security incident\""), err.toString());
        assertTrue(out.toString().startsWith("2 passages match"), out.toString());
        assertEquals("", err.toString());
        // A document that cannot be read: index names it, search says how many and where to see them.
        Path c2 = workspace.resolve("documents/C-2.txt");
        String text = readString(c2);
        write(c2, "");
        assertEquals(ExitCode.OK, civicsla("search", "--workspace", workspace.toString(), "\"security incident\""), err.toString());
        assertEquals("civicsla: 1 document could not be read; civicsla index --workspace '" + workspace + "' says which and why",
                err.toString().strip());
        assertEquals(ExitCode.OK, civicsla("index", "--workspace", workspace.toString()), err.toString());
        assertEquals("civicsla: C-2: C-2.txt: is empty (0 bytes)", err.toString().strip());
        write(c2, text);
        assertEquals(ExitCode.ERROR, civicsla("search", "--workspace", workspace.toString(), "--limit", "0", "incident"));
        assertTrue(err.toString().startsWith("civicsla: --limit is the number of hits to show, 1 or more"), err.toString());
        assertEquals(ExitCode.ERROR, civicsla("search", "--workspace", workspace.toString(), "incident AND ("));
        assertTrue(err.toString().startsWith("civicsla: cannot understand the query"), err.toString());
        assertEquals(ExitCode.ERROR, civicsla("check", "--workspace", workspace.toString(), "--as-of", "22/11/2026"));
        assertTrue(err.toString().startsWith("civicsla: --as-of '22/11/2026' is not a date"), err.toString());
        assertEquals(ExitCode.ERROR, civicsla("import", "--workspace", workspace.toString(), dir.resolve("nope.csv").toString()));
        assertTrue(err.toString().contains("nope.csv: does not exist or is not a file"), err.toString());
    }

    @Test
    void aMistypedWorkspaceIsAnErrorNotANewEmptyWorkspaceThatPasses() throws Exception {
        Path typo = dir.resolve("ctiy");
        assertEquals(ExitCode.ERROR, civicsla("check", "--workspace", typo.toString()));
        assertTrue(err.toString().startsWith("civicsla: " + typo + ": no such folder; check the path"), err.toString());
        assertTrue(Files.notExists(typo), "nothing is created");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(ExitCode.ERROR, civicsla("vendors", "--workspace", empty.toString()));
        assertTrue(err.toString().contains("holds no CivicSLA workspace"), err.toString());
        try (var left = Files.list(empty)) {
            assertEquals(0, left.count(), "nothing is created");
        }
        // An import is how a workspace is made: it may create one; a dry run or a refused import leaves none.
        Path vendors = Files.writeString(dir.resolve("vendors.csv"), "id,name,criticality\nV-9,Nine,low\n");
        assertEquals(ExitCode.OK, civicsla("import", "--workspace", typo.toString(), "--dry-run", vendors.toString()));
        assertTrue(Files.notExists(typo), "a dry run creates nothing");
        assertEquals(ExitCode.ERROR, civicsla("import", "--workspace", typo.toString(), dir.resolve("nope.csv").toString()));
        assertTrue(Files.notExists(typo), "a refused import creates nothing");
        assertEquals(ExitCode.ERROR, civicsla("import", "--workspace", empty.toString(), dir.resolve("nope.csv").toString()));
        try (var left = Files.list(empty)) {
            assertEquals(0, left.count(), "a refused import into an empty folder leaves it empty");
        }
        assertEquals(ExitCode.OK, civicsla("import", "--workspace", typo.toString(), vendors.toString()), err.toString());
        assertEquals(ExitCode.OK, civicsla("vendors", "--workspace", typo.toString()), err.toString());
        assertTrue(out.toString().contains("V-9"), out.toString());
    }

    /** Contracts are counted as the checks and the workbench count them: in force on the date, not merely marked active. */
    @Test
    void vendorsCountTheContractsInForceOnTheDate() throws Exception {
        Path imports = workspace.resolve("import");
        assertEquals(ExitCode.OK, civicsla("import", "--workspace", workspace.toString(), imports.resolve("vendors.csv").toString(),
                imports.resolve("contracts.csv").toString()), err.toString());
        assertEquals(ExitCode.OK, civicsla("vendors", "--workspace", workspace.toString(), "--as-of", "2026-11-22", "--format",
                "csv"), err.toString());
        assertEquals(List.of("id,name,category,criticality,contracts_in_force", "V-1,Civic Cloud,,critical,1",
                "V-2,Harbourview CCTV,,high,1"), out.toString().lines().toList());
        // Started 2026-01-01 for 36 months without renewal: ended by mid-2029, though still marked active.
        assertEquals(ExitCode.OK, civicsla("vendors", "--workspace", workspace.toString(), "--as-of", "2029-06-01"),
                err.toString());
        assertTrue(out.toString().contains("0 contracts in force"), out.toString());
        assertTrue(out.toString().strip().endsWith("2 vendors; contracts in force on 2029-06-01"), out.toString());
        assertEquals(ExitCode.ERROR, civicsla("vendors", "--workspace", workspace.toString(), "--as-of", "June"));
    }

    /** A vendor named as a formula (an import from a vendor's own sheet) is text in the CSV a spreadsheet opens. */
    @Test
    void vendorsCsvKeepsFormulaLikeNamesAsText() throws Exception {
        Path vendors = Files.writeString(dir.resolve("vendors.csv"), "id,name,criticality\nV-9,\"=1+2, Inc\",low\n");
        Path city = dir.resolve("formulas");
        assertEquals(ExitCode.OK, civicsla("import", "--workspace", city.toString(), vendors.toString()), err.toString());
        assertEquals(ExitCode.OK, civicsla("vendors", "--workspace", city.toString(), "--format", "csv"), err.toString());
        assertEquals(List.of("id,name,category,criticality,contracts_in_force", "V-9,\"'=1+2, Inc\",,low,0"),
                out.toString().lines().toList());
    }

    @Test
    void aMissingOrForeignProfileIsAnErrorSayingWhy() throws Exception {
        Path missing = dir.resolve("nope.properties");
        assertEquals(ExitCode.ERROR, civicsla("check", "--workspace", workspace.toString(), "--profile", missing.toString()));
        assertEquals("civicsla: " + missing + ": no such file or folder", err.toString().strip());
        Path yaml = Files.writeString(dir.resolve("profile.yaml"), "garbage: [\n");
        assertEquals(ExitCode.ERROR, civicsla("check", "--workspace", workspace.toString(), "--profile", yaml.toString()));
        assertTrue(err.toString().startsWith("civicsla: " + yaml + ": unknown key 'garbage'"), err.toString());
        // A requirement written over by a second require.1 would let a vendor pass: refused, as is a past horizon.
        Path twice = Files.writeString(dir.resolve("twice.properties"), "require.1 = Audit Rights\nrequire.1 = Insurance\n");
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.ERROR, civicsla("check", "--workspace", workspace.toString(), "--profile", twice.toString()));
        assertTrue(err.toString().startsWith("civicsla: " + twice + ": 'require.1' is written twice"), err.toString());
        Path backwards = Files.writeString(dir.resolve("backwards.properties"), "horizonMonths = -3\nrequire.1 = Insurance\n");
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.ERROR, civicsla("check", "--workspace", workspace.toString(), "--profile", backwards.toString()));
        assertTrue(err.toString().contains("horizonMonths is -3; plan from 1 to 600 months ahead"), err.toString());
    }

    @Test
    void clausesScansAPlainFolderWithoutAWorkspace() {
        assertEquals(ExitCode.OK, civicsla("clauses", workspace.resolve("documents").toString(), "--format", "csv"));
        List<String> rows = out.toString().lines().toList();
        assertEquals("document,category,present,confidence,evidence", rows.get(0));
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("C-1,Audit Rights,Yes,")), out.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("C-2,Audit Rights,No,")), out.toString());
    }

    /** A folder without documents scans nothing: an error for a script, not an empty CSV and exit 0. */
    @Test
    void clausesOnAFolderWithoutDocumentsIsAnError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("no-documents"));
        Files.writeString(empty.resolve("notes.md"), "minutes");
        assertEquals(ExitCode.ERROR, civicsla("clauses", empty.toString(), "--format", "csv"));
        assertTrue(err.toString().contains("civicsla: no PDF, DOCX or TXT file in " + empty), err.toString());
    }

    @Test
    void clausesToldOfAMistypedPathScansTheOthersAndReadsAFileNamedTwiceOnce() {
        Path documents = workspace.resolve("documents");
        Path missing = workspace.resolve("documnets");
        assertEquals(ExitCode.OK, civicsla("clauses", documents.toString(), missing.toString(),
                documents.resolve("C-1.txt").toString(), "--format", "csv"));
        List<String> rows = out.toString().lines().toList();
        assertEquals(1, rows.stream().filter(r -> r.startsWith("C-1,Audit Rights,")).count(), out.toString());
        assertEquals(1, rows.stream().filter(r -> r.startsWith("C-2,Audit Rights,")).count(), out.toString());
        assertTrue(err.toString().contains(missing + ": does not exist; skipped"), err.toString());
        assertTrue(err.toString().contains("documents scanned, 1 could not be read"), err.toString());

        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(ExitCode.ERROR, civicsla("clauses", missing.toString(), "--format", "csv"));
        assertEquals("", out.toString());
        assertTrue(err.toString().contains(missing + ": does not exist"), err.toString());
    }

    @Test
    void aWorkspacesOwnClauseTypesAreDetectedAndCheckedAndAnInvalidFileIsNamed() throws Exception {
        Files.writeString(workspace.resolve("documents/C-2.txt"), "The Supplier shall report any security incident to the "
                + "City within seven (7) days. Operators keep a manual override of every signal.");
        Files.writeString(workspace.resolve("clauses.yaml"), """
                version: "city-1"
                types:
                  - name: Manual Override
                    steps: [8]
                    patterns: ['\\bmanual override\\b']
                """);
        Path profile = Files.writeString(dir.resolve("profile.properties"), "name = Override\nrequire.1 = Manual Override\n");
        assertEquals(ExitCode.FINDINGS, civicsla("check", "--workspace", workspace.toString(), "--as-of", "2026-11-22",
                "--steps", "2", "--profile", profile.toString(), "--format", "csv"), err.toString());
        List<String> rows = out.toString().lines().toList();
        assertEquals("V-1,Civic Cloud,2,fail,C-1: Manual Override is missing", rows.get(1));
        assertTrue(rows.get(2).startsWith("V-2,Harbourview CCTV,2,pass,"), out.toString());

        assertEquals(ExitCode.OK, civicsla("search", "--workspace", workspace.toString(), "clause:\"Manual Override\""));
        assertTrue(out.toString().startsWith("1 passage matches:"), out.toString());

        Files.writeString(workspace.resolve("clauses.yaml"), "types:\n  - name: Manual Override\n    patterns: ['(manual']\n");
        assertEquals(ExitCode.ERROR, civicsla("search", "--workspace", workspace.toString(), "override"));
        assertTrue(err.toString().contains("clauses.yaml, type 'Manual Override', patterns 1: not a valid regular expression"),
                err.toString());
    }

    @Test
    void clausesLooksForTheTypesOfATaxonomyFile() throws Exception {
        Path yaml = Files.writeString(dir.resolve("city.yaml"),
                "types:\n  - name: Security Incidents\n    steps: [2]\n    patterns: ['\\bsecurity incident\\b']\n");
        assertEquals(ExitCode.OK, civicsla("clauses", workspace.resolve("documents").toString(), "--taxonomy", yaml.toString()),
                err.toString());
        assertTrue(out.toString().lines().anyMatch(r -> r.startsWith("C-2,Security Incidents,Yes,")), out.toString());
        assertEquals(ExitCode.ERROR, civicsla("clauses", workspace.resolve("documents").toString(), "--taxonomy",
                dir.resolve("none.yaml").toString()));
        assertTrue(err.toString().contains("none.yaml: --taxonomy names no file"), err.toString());
    }
}
