package org.civicsla.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.LifecycleDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndOfLifeTest {

    @TempDir
    Path dir;

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private void product(String name, String text) throws Exception {
        Files.createDirectories(dir.resolve("products"));
        Files.writeString(dir.resolve("products").resolve(name), text);
    }

    private static DeviceModel model(String id, String name) {
        return new DeviceModel(id, "V-1", name, "", LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN,
                Optional.of(new BigDecimal("100.00")));
    }

    @Test
    void keepsWhatEolMeansPerProductAndNamesTheSource() throws Exception {
        product("cisco-ios-xe.md", """
                ---
                title: Cisco IOS XE
                eoasColumn: Maintenance Support
                eolColumn: Security Support
                releases:
                  - releaseCycle: "17.15"
                    releaseDate: 2024-08-09
                    eoas: 2027-02-09
                    eol: 2028-08-09
                  - releaseCycle: "17.14"
                    releaseDate: 2024-04-13
                    eoas: 2025-04-13
                    eol: 2025-04-13
                ---
                # Cisco IOS XE
                """);
        product("fortios.md", """
                ---
                title: FortiOS
                eolColumn: End of Support
                releases:
                  - releaseCycle: "7.2"
                    releaseDate: 2022-03-31
                    eol: 2026-09-30
                ---
                """);
        product("raspberry-pi.md", """
                ---
                title: Raspberry Pi
                eolColumn: Discontinued
                releases:
                  - releaseCycle: "4"
                    releaseDate: 2019-06-24
                    eol: 2034-01-01
                ---
                """);
        product("broken.md", "---\ntitle: [unclosed\n---\n");
        product("openwrt.md", "---\ntitle: OpenWrt\nreleases:\n  - releaseCycle: \"24.10\"\n    eol: soon\n---\n");
        // A binary file named .md (a PDF saved under the wrong name): said in words, not as "Input length = 1".
        Files.write(dir.resolve("products").resolve("scan.md"), new byte[] { '-', '-', '-', '\n', (byte) 0xFF, (byte) 0xFE, 0 });
        List<ImportProblem> problems = new ArrayList<>();
        EndOfLifeCatalog catalog = EndOfLifeCatalog.read(dir, problems);
        assertEquals(3, catalog.products().size());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().startsWith("broken.md: front matter is not valid YAML"), problems.toString());
        assertEquals("openwrt.md: release 24.10: eol 'soon' is not a date", problems.get(1).toString());
        assertEquals("scan.md: is not UTF-8 text; not a product file (endoflife.date Markdown)", problems.get(2).toString());

        List<EndOfLifeMatcher.Match> matches = EndOfLifeMatcher.match(List.of(model("M-1", "Cisco IOS XE 17.15 edge router"),
                model("M-2", "FortiOS 7.2 firewall"), model("M-3", "Raspberry Pi 4 air-quality station"),
                model("M-4", "LX-200 streetlight controller"), model("M-5", "FortiOS 7.4 firewall")), catalog, TODAY);
        assertEquals(List.of("M-1", "M-2", "M-3"), matches.stream().map(m -> m.after().id()).toList());

        DeviceModel cisco = matches.get(0).after();
        assertEquals(Optional.of(LocalDate.of(2028, 8, 9)), cisco.endOfSecurityUpdates().date(), "eol is security support");
        assertEquals(Optional.of(LocalDate.of(2027, 2, 9)), cisco.endOfSupport().date(), "eoas is the end of support");
        assertEquals("endoflife.date/cisco-ios-xe 17.15 (eol: Security Support)", cisco.endOfSecurityUpdates().source());
        assertEquals(Optional.of(TODAY), cisco.endOfSecurityUpdates().verified());

        DeviceModel forti = matches.get(1).after();
        assertEquals(Optional.of(LocalDate.of(2026, 9, 30)), forti.endOfSupport().date());
        assertEquals(Optional.of(LocalDate.of(2026, 9, 30)), forti.endOfSecurityUpdates().date());

        DeviceModel pi = matches.get(2).after();
        assertEquals(Optional.of(LocalDate.of(2034, 1, 1)), pi.endOfSale().date(), "Discontinued is the end of sale");
        assertEquals(Optional.empty(), pi.endOfSupport().date());
    }

    @Test
    void booleanFieldsLabelsExplicitMappingAndTheLongestProductName() throws Exception {
        product("windows-embedded.md", """
                ---
                title: Microsoft Windows Embedded
                eoasColumn: true
                releases:
                  - releaseCycle: "posready-7"
                    releaseLabel: "POSReady 7"
                    releaseDate: 2011-09-10
                    eoas: 2016-10-11
                    eol: 2021-10-12
                    eoes: 2024-10-08
                  - releaseCycle: "legacy"
                    eol: true
                    discontinued: true
                  - releaseCycle: "next"
                    eol: false
                ---
                """);
        product("ios.md", """
                ---
                title: Apple iOS
                eolColumn: Security Support
                releases:
                  - releaseCycle: "17"
                    eol: 2026-01-01
                ---
                """);
        product("cisco-ios.md", """
                ---
                title: Cisco IOS
                eolColumn: Security Support
                releases:
                  - releaseCycle: "17"
                    eol: 2030-01-01
                ---
                """);
        List<ImportProblem> problems = new ArrayList<>();
        EndOfLifeCatalog catalog = EndOfLifeCatalog.read(dir.resolve("products"), problems);
        assertEquals(List.of(), problems);
        EndOfLifeCatalog.Release legacy = catalog.product("windows-embedded").orElseThrow().release("legacy").orElseThrow();
        assertEquals(new EndOfLifeCatalog.CatalogDate(Optional.empty(), Optional.of(true)), legacy.eol());
        assertEquals(Optional.of(true), legacy.discontinued().flag());
        assertEquals(Optional.of(false),
                catalog.product("windows-embedded").orElseThrow().release("next").orElseThrow().eol().flag());

        List<EndOfLifeMatcher.Match> matches = EndOfLifeMatcher.match(List.of(model("M-1", "Windows Embedded POSReady 7 kiosk"),
                model("M-2", "Cisco IOS 17 switch")), catalog, TODAY);
        DeviceModel kiosk = matches.get(0).after();
        assertEquals("posready-7", matches.get(0).cycle(), "matched by its label");
        assertEquals(Optional.of(LocalDate.of(2021, 10, 12)), kiosk.endOfSupport().date());
        assertEquals(Optional.of(LocalDate.of(2021, 10, 12)), kiosk.endOfSecurityUpdates().date(),
                "paid extended support is not assumed");
        assertTrue(kiosk.endOfSecurityUpdates().source().contains("extended support until 2024-10-08 if bought"),
                kiosk.endOfSecurityUpdates().source());
        assertEquals("cisco-ios", matches.get(1).product(), "the longest product name wins over Apple's iOS");

        DeviceModel mapped = EndOfLifeMatcher.match(model("M-3", "Kiosk, old model"), catalog, "windows-embedded", "legacy",
                TODAY).orElseThrow().after();
        assertEquals(Optional.empty(), mapped.endOfSupport().date());
        assertEquals("endoflife.date/windows-embedded legacy (eol: End of Life) reached (no date given)",
                mapped.endOfSupport().source());
        assertEquals("endoflife.date/windows-embedded legacy (discontinued) reached (no date given)", mapped.endOfSale().source());
        assertEquals(Optional.empty(), EndOfLifeMatcher.match(model("M-3", "x"), catalog, "windows-embedded", "99", TODAY));
        assertEquals(Optional.empty(), EndOfLifeMatcher.match(model("M-3", "x"), catalog, "no-such-product", "1", TODAY));
    }
}
