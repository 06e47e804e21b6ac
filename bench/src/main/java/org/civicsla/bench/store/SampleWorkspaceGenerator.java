package org.civicsla.bench.store;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.civicsla.core.lifecycle.LifecycleSummary;
import org.civicsla.core.model.ClauseRecord;
import org.civicsla.core.model.ClauseSource;
import org.civicsla.core.model.ClauseState;
import org.civicsla.core.model.Contact;
import org.civicsla.core.model.Contract;
import org.civicsla.core.model.ContractStatus;
import org.civicsla.core.model.Criticality;
import org.civicsla.core.model.Device;
import org.civicsla.core.model.DeviceModel;
import org.civicsla.core.model.DocumentRef;
import org.civicsla.core.model.LifecycleDate;
import org.civicsla.core.model.Milestone;
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.io.EndOfLifeCatalog;
import org.civicsla.io.EndOfLifeMatcher;
import org.civicsla.io.Entity;
import org.civicsla.io.ImportMonitor;
import org.civicsla.io.ImportProblem;
import org.civicsla.io.WorkspaceExporter;
import org.civicsla.io.WorkspaceImporter;
import org.civicsla.store.H2WorkspaceStore;

/**
 * Generates the Riverton sample workspace (samples/riverton): the import files in {@code import/}
 * and the contract documents in {@code documents/}. Deterministic: every run writes the same bytes.
 * <p>
 * Riverton is a fictional city; vendors, contracts and devices are invented. The life-cycle dates of
 * the device models named after real products (Cisco IOS XE, FortiOS, PAN-OS, RouterOS, OpenWrt,
 * Raspberry Pi, Windows Embedded) are taken from the endoflife.date catalog (MIT licence) with
 * {@link EndOfLifeMatcher}, so each date names its product and cycle as its source.
 * <p>
 * Run from the repository root:
 * {@code bench/run.sh org.civicsla.bench.store.SampleWorkspaceGenerator ../shared/data/endoflife samples/riverton}
 */
public final class SampleWorkspaceGenerator {

    /** The day the sample is "as of": notice deadlines and support ends are arranged around it. */
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);
    /** When the hand-entered dates were last checked against the vendors' bulletins. */
    private static final LocalDate HAND_VERIFIED = LocalDate.of(2026, 1, 15);

    private record VendorSpec(String id, String name, String category, Criticality criticality) {
    }

    /** A device model: either a catalog product and cycle, or dates from a vendor's own documents. */
    private record ModelSpec(String id, String vendor, String model, String category, String unitCost, String product,
            String cycle, String handSource, String endOfSale, String endOfSupport, String endOfSecurity) {
        static ModelSpec catalog(String id, String vendor, String model, String category, String unitCost, String product,
                String cycle) {
            return new ModelSpec(id, vendor, model, category, unitCost, product, cycle, "", "", "", "");
        }

        static ModelSpec hand(String id, String vendor, String model, String category, String unitCost, String source,
                String endOfSale, String endOfSupport, String endOfSecurity) {
            return new ModelSpec(id, vendor, model, category, unitCost, "", "", source, endOfSale, endOfSupport, endOfSecurity);
        }
    }

    private static final List<VendorSpec> VENDORS = List.of(
            new VendorSpec("V-001", "Lumen Streetlights Ltd", "Street lighting", Criticality.HIGH),
            new VendorSpec("V-002", "Northgate Networks", "Network equipment", Criticality.CRITICAL),
            new VendorSpec("V-003", "Civic Cloud Services", "Cloud hosting", Criticality.CRITICAL),
            new VendorSpec("V-004", "Aurora Traffic Systems", "Traffic signals", Criticality.CRITICAL),
            new VendorSpec("V-005", "Harbourview CCTV", "Video surveillance", Criticality.HIGH),
            new VendorSpec("V-006", "Riverbend Water Telemetry", "Water sensors", Criticality.HIGH),
            new VendorSpec("V-007", "Müller Verkehrstechnik GmbH", "Traffic sensors", Criticality.MEDIUM),
            new VendorSpec("V-008", "Fortress Perimeter Security", "Firewalls", Criticality.CRITICAL),
            new VendorSpec("V-009", "Paloma Secure Gateways", "Firewalls", Criticality.CRITICAL),
            new VendorSpec("V-010", "OpenMesh Community Wireless", "Public Wi-Fi", Criticality.MEDIUM),
            new VendorSpec("V-011", "Kestrel Parking Solutions", "Smart parking", Criticality.MEDIUM),
            new VendorSpec("V-012", "Greenleaf Air Quality", "Environmental sensors", Criticality.MEDIUM),
            new VendorSpec("V-013", "Bluewave Transit Displays", "Passenger information", Criticality.MEDIUM),
            new VendorSpec("V-014", "Ironbridge Building Controls", "Building management", Criticality.HIGH),
            new VendorSpec("V-015", "Summit Emergency Dispatch", "Emergency dispatch software", Criticality.CRITICAL),
            new VendorSpec("V-016", "Lakeside Meter Data", "Smart meters", Criticality.HIGH),
            new VendorSpec("V-017", "Pinecrest GIS", "Mapping software", Criticality.LOW),
            new VendorSpec("V-018", "Łódź Smart Grid Sp. z o.o.", "Grid monitoring", Criticality.HIGH),
            new VendorSpec("V-019", "Beacon Kiosk Company", "Public kiosks", Criticality.LOW),
            new VendorSpec("V-020", "Stonegate Data Centre", "Colocation", Criticality.HIGH),
            new VendorSpec("V-021", "Copperline Fibre", "Fibre backbone", Criticality.CRITICAL),
            new VendorSpec("V-022", "Tidewater Flood Sensors", "Flood warning", Criticality.HIGH),
            new VendorSpec("V-023", "Meridian Identity Services", "Identity and access", Criticality.HIGH),
            new VendorSpec("V-024", "Orchard Waste Logistics", "Waste bin sensors", Criticality.LOW),
            new VendorSpec("V-025", "Quarry Hill Radio", "Radio network", Criticality.HIGH));

    private static final List<ModelSpec> MODELS = List.of(
            ModelSpec.catalog("M-01", "V-002", "Cisco IOS XE 17.15 edge router", "Router", "6400", "cisco-ios-xe", "17.15"),
            ModelSpec.catalog("M-02", "V-002", "Cisco IOS XE 17.14 access switch", "Switch", "3200", "cisco-ios-xe", "17.14"),
            ModelSpec.catalog("M-03", "V-008", "FortiOS 7.2 firewall", "Firewall", "5200", "fortios", "7.2"),
            ModelSpec.catalog("M-04", "V-008", "FortiOS 7.4 firewall", "Firewall", "5600", "fortios", "7.4"),
            ModelSpec.catalog("M-05", "V-009", "PAN-OS 10.2 gateway", "Firewall", "7100", "pan-os", "10.2"),
            ModelSpec.catalog("M-06", "V-009", "PAN-OS 11.1 gateway", "Firewall", "7300", "pan-os", "11.1"),
            ModelSpec.catalog("M-07", "V-010", "OpenWrt 23.05 mesh node", "Wi-Fi access point", "240", "openwrt", "23.05"),
            ModelSpec.catalog("M-08", "V-010", "OpenWrt 24.10 mesh node", "Wi-Fi access point", "260", "openwrt", "24.10"),
            ModelSpec.catalog("M-09", "V-012", "Raspberry Pi 4 Model B air-quality station", "Environmental sensor", "310",
                    "raspberry-pi", "4-b"),
            ModelSpec.catalog("M-10", "V-019", "Windows Embedded POSReady 7 kiosk", "Kiosk", "1900", "windows-embedded",
                    "posready-7"),
            ModelSpec.catalog("M-11", "V-013", "Windows Embedded Compact 2013 display", "Passenger display", "2600",
                    "windows-embedded", "compact-2013"),
            ModelSpec.hand("M-12", "V-001", "LX-200 streetlight controller", "Streetlight controller", "180",
                    "Lumen product bulletin PB-2025-04", "2025-12-31", "2029-12-31", "2028-06-30"),
            ModelSpec.hand("M-13", "V-001", "LX-300 streetlight controller", "Streetlight controller", "210",
                    "Lumen contract C-001 annex B", "", "2034-12-31", "2033-12-31"),
            ModelSpec.hand("M-14", "V-005", "HV-4K dome camera", "Camera", "890", "Harbourview notice 2026-01", "2026-06-30",
                    "2027-06-30", "2027-06-30"),
            ModelSpec.hand("M-15", "V-005", "HV-8K bullet camera", "Camera", "1150", "", "", "", ""),
            ModelSpec.hand("M-16", "V-004", "ATS-9 signal controller", "Traffic signal controller", "8400",
                    "Aurora lifecycle letter 2024", "", "2031-03-31", "2030-03-31"),
            ModelSpec.hand("M-17", "V-006", "RW-LoRa level sensor", "Water sensor", "150", "", "", "", ""),
            ModelSpec.hand("M-18", "V-011", "KP-2 parking bay sensor", "Parking sensor", "95", "Kestrel EoS notice",
                    "2024-12-31", "2027-12-31", "2026-12-31"),
            ModelSpec.hand("M-19", "V-022", "TF-1 flood gauge", "Flood sensor", "1300", "Tidewater datasheet rev C", "",
                    "2032-06-30", "2032-06-30"),
            ModelSpec.hand("M-20", "V-016", "LMD-3 smart meter gateway", "Meter gateway", "420",
                    "Lakeside support policy 2025", "", "2028-03-31", "2027-09-30"),
            ModelSpec.catalog("M-21", "V-025", "MikroTik RouterOS 7.19 radio link", "Radio link", "650", "routeros", "7.19"));

    /** How many devices of each model the city runs. */
    private static final Map<String, Integer> FLEET = fleet();

    private static Map<String, Integer> fleet() {
        Map<String, Integer> fleet = new LinkedHashMap<>();
        fleet.put("M-12", 1500);
        fleet.put("M-13", 900);
        fleet.put("M-14", 420);
        fleet.put("M-15", 260);
        fleet.put("M-18", 700);
        fleet.put("M-09", 180);
        fleet.put("M-07", 160);
        fleet.put("M-08", 140);
        fleet.put("M-17", 220);
        fleet.put("M-19", 40);
        fleet.put("M-20", 260);
        fleet.put("M-16", 95);
        fleet.put("M-01", 24);
        fleet.put("M-02", 60);
        fleet.put("M-03", 12);
        fleet.put("M-04", 10);
        fleet.put("M-05", 8);
        fleet.put("M-06", 6);
        fleet.put("M-10", 25);
        fleet.put("M-11", 35);
        fleet.put("M-21", 30);
        return fleet;
    }

    private static final List<String> CONTRACT_TYPES = List.of("Supply and maintenance", "Managed service",
            "Software licence and support", "Cloud service", "Maintenance");
    private static final List<String> DISTRICTS = List.of("Harbour", "Old Town", "Riverside", "Northfield", "Eastgate",
            "Millbrook", "Westport", "Hillcrest");
    private static final List<String> STREETS = List.of("Main St", "River Rd", "Station Ave", "Market Sq", "Harbour Way",
            "Mill Ln", "Park Blvd", "Bridge St", "Oak Ave", "Elm St");

    private SampleWorkspaceGenerator() {
    }

    public static void main(String[] args) throws Exception {
        Path catalogFolder = Path.of(args.length > 0 ? args[0] : "../shared/data/endoflife");
        Path sample = Path.of(args.length > 1 ? args[1] : "samples/riverton");
        List<ImportProblem> problems = new ArrayList<>();
        EndOfLifeCatalog catalog = EndOfLifeCatalog.read(catalogFolder, problems);
        if (catalog.products().isEmpty()) {
            throw new IllegalStateException(catalogFolder + ": no endoflife.date products found " + problems);
        }
        WorkspaceData data = generate(catalog);
        Path imports = Files.createDirectories(sample.resolve("import"));
        for (Entity entity : Entity.values()) {
            Files.deleteIfExists(imports.resolve(entity.csvFile()));
        }
        WorkspaceExporter.exportCsv(data, imports);
        writeDocuments(data, Files.createDirectories(sample.resolve("documents")));
        writeReadme(data, sample.resolve("README.md"));
        verify(data, imports);
        long bytes;
        try (Stream<Path> files = Files.walk(sample)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(SampleWorkspaceGenerator::size).sum();
        }
        System.out.printf("%d vendors, %d contracts, %d device models, %d devices, %d clause records; %.2f MB in %s%n",
                data.vendors().size(), data.contracts().size(), data.deviceModels().size(), data.devices().size(),
                data.clauses().size(), bytes / 1e6, sample);
    }

    static WorkspaceData generate(EndOfLifeCatalog catalog) {
        List<Vendor> vendors = new ArrayList<>();
        for (int i = 0; i < VENDORS.size(); i++) {
            VendorSpec v = VENDORS.get(i);
            String domain = v.name().split(" ")[0].toLowerCase(Locale.ROOT).replace("ł", "l").replace("ü", "u")
                    .replace("ó", "o").replace("ź", "z");
            List<Contact> contacts = new ArrayList<>();
            contacts.add(new Contact("Security desk " + v.id().substring(2), "Security contact", "security@" + domain
                    + ".example", String.format("+1 555 01%02d", i)));
            if (v.criticality() == Criticality.CRITICAL) {
                contacts.add(new Contact("Account manager " + v.id().substring(2), "Account manager", "accounts@" + domain
                        + ".example", String.format("+1 555 02%02d", i)));
            }
            vendors.add(new Vendor(v.id(), v.name(), v.category(), v.criticality(), contacts));
        }

        List<DeviceModel> models = new ArrayList<>();
        for (ModelSpec m : MODELS) {
            DeviceModel bare = new DeviceModel(m.id(), m.vendor(), m.model(), m.category(), LifecycleDate.UNKNOWN,
                    LifecycleDate.UNKNOWN, LifecycleDate.UNKNOWN, Optional.of(new BigDecimal(m.unitCost()).setScale(2)));
            if (m.product().isEmpty()) {
                models.add(new DeviceModel(m.id(), m.vendor(), m.model(), m.category(), hand(m.endOfSale(), m.handSource()),
                        hand(m.endOfSupport(), m.handSource()), hand(m.endOfSecurity(), m.handSource()), bare.unitCost()));
            } else {
                models.add(EndOfLifeMatcher.match(bare, catalog, m.product(), m.cycle(), AS_OF)
                        .orElseThrow(() -> new IllegalStateException("the catalog has no " + m.product() + " " + m.cycle()))
                        .after());
            }
        }

        List<Contract> contracts = contracts();
        Map<String, String> activeContractByVendor = new LinkedHashMap<>();
        for (Contract c : contracts) {
            if (c.status() == ContractStatus.ACTIVE) {
                activeContractByVendor.putIfAbsent(c.vendorId(), c.id());
            }
        }
        Map<String, String> vendorOfModel = new LinkedHashMap<>();
        MODELS.forEach(m -> vendorOfModel.put(m.id(), m.vendor()));

        Random random = new Random(20261122);
        List<Device> devices = new ArrayList<>();
        int d = 0;
        for (Map.Entry<String, Integer> fleet : FLEET.entrySet()) {
            for (int j = 0; j < fleet.getValue(); j++) {
                d++;
                int year = 2016 + (d * 13) % 9;
                int life = List.of(8, 10, 12, 15).get((d + j) % 4);
                Optional<LocalDate> installed = d % 97 == 0 ? Optional.empty()
                        : Optional.of(LocalDate.of(year, 1 + d % 12, 1 + d % 28));
                Optional<LocalDate> replacement = d % 17 == 0 ? Optional.of(LocalDate.of(year + life - 1, 6, 30))
                        : Optional.empty();
                Optional<String> contract = d % 23 == 0 ? Optional.empty()
                        : Optional.ofNullable(activeContractByVendor.get(vendorOfModel.get(fleet.getKey())));
                devices.add(new Device(String.format("D-%05d", d), fleet.getKey(),
                        STREETS.get(random.nextInt(STREETS.size())) + " " + (1 + random.nextInt(240)),
                        DISTRICTS.get(random.nextInt(DISTRICTS.size())), installed, life,
                        String.format("%d.%d.%d", 1 + d % 5, d % 10, d % 7), Criticality.values()[d % 4], contract,
                        replacement));
            }
        }

        List<ClauseRecord> clauses = List.of(
                new ClauseRecord("C-007", "Penetration Test Rights", ClauseState.WAIVED,
                        "Vendor hosts no city data; annual SOC 2 report accepted instead", "", "", ClauseSource.MANUAL),
                new ClauseRecord("C-013", "Breach Notification", ClauseState.PRESENT, "", "documents/C-013.txt",
                        "Schedule 4, 4.2", ClauseSource.MANUAL),
                new ClauseRecord("C-016", "Security Incident Response 24x7", ClauseState.MISSING, "", "", "",
                        ClauseSource.MANUAL));
        return new WorkspaceData(vendors, contracts, clauses, models, devices);
    }

    /**
     * Two or three contracts per vendor, started 2016 to 2024 (so many tacit renewals have happened),
     * with every renewal kind, notice period and status, one with an unknown start; a few of them have
     * a notice deadline within 90 days of {@link #AS_OF} ({@link #verify} makes sure).
     */
    private static List<Contract> contracts() {
        List<Contract> contracts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < VENDORS.size(); i++) {
            VendorSpec vendor = VENDORS.get(i);
            for (int k = 0; k < (i % 3 == 0 ? 3 : 2); k++) {
                n++;
                String id = String.format("C-%03d", n);
                int startYear = 2016 + (n * 4) % 9;
                LocalDate start = LocalDate.of(startYear, 1 + (n * 5) % 12, 1);
                RenewalKind renewal = List.of(RenewalKind.AUTOMATIC, RenewalKind.AUTOMATIC, RenewalKind.EXPRESS,
                        RenewalKind.NONE).get(n % 4);
                int term = List.of(36, 48, 60, 24).get(n % 4);
                int notice = List.of(30, 60, 90, 180).get(n % 4);
                ContractStatus status = n % 11 == 0 ? ContractStatus.EXPIRED : ContractStatus.ACTIVE;
                if (n == 20) {
                    status = ContractStatus.TERMINATED;
                }
                if (n == 45) {
                    status = ContractStatus.DRAFT;
                    start = LocalDate.of(2027, 4, 1);
                }
                Optional<LocalDate> known = n == 33 ? Optional.empty() : Optional.of(start);
                List<String> covers = MODELS.stream().filter(m -> m.vendor().equals(vendor.id())).map(ModelSpec::id).toList();
                String type = CONTRACT_TYPES.get(n % CONTRACT_TYPES.size());
                String number = String.format("RIV-%d-%03d", start.getYear(), n);
                contracts.add(new Contract(id, vendor.id(), number, type, known, term, renewal,
                        renewal == RenewalKind.AUTOMATIC ? 12 : 0, notice, status,
                        Optional.of(new BigDecimal(20_000 + (n * 7919) % 900_000).setScale(2)), "USD",
                        covers.isEmpty() ? List.of(vendor.category()) : covers,
                        List.of(new DocumentRef(id, "documents/" + id + ".txt", type + " agreement " + number))));
            }
        }
        return contracts;
    }

    private static LifecycleDate hand(String date, String source) {
        return date.isEmpty() ? LifecycleDate.UNKNOWN
                : new LifecycleDate(Optional.of(LocalDate.parse(date)), source, Optional.of(HAND_VERIFIED));
    }

    /** Contract clauses by profile: strong vendors sign every security clause, slow ones notify in 7 days. */
    private static final Map<String, String> PARAGRAPHS = paragraphs();

    private static Map<String, String> paragraphs() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("audit", "AUDIT. The City, or an auditor it appoints, shall have the right upon thirty (30) days' notice to audit the Supplier's compliance with this Agreement and to inspect its books, records and facilities used to provide the Services.");
        p.put("pentest", "SECURITY TESTING. The City may conduct penetration tests and security assessments of the System once a year and after any major change; the Supplier shall cooperate and remediate the findings.");
        p.put("breach72", "SECURITY INCIDENTS. The Supplier shall notify the City's CERT of any security incident or personal data breach affecting the Services without undue delay and in any event within seventy-two (72) hours of becoming aware of it.");
        p.put("breach7d", "SECURITY INCIDENTS. The Supplier shall report any security incident affecting the Services to the City within seven (7) days of its discovery.");
        p.put("liability", "LIMITATION OF LIABILITY. The Supplier's total aggregate liability under this Agreement shall not exceed two times the fees paid in the twelve (12) months preceding the claim, except for liability arising from gross negligence, wilful misconduct or breach of the data protection obligations, which is unlimited.");
        p.put("insurance", "INSURANCE. The Supplier shall maintain, throughout the Term, professional liability insurance and cyber insurance coverage of at least five million dollars per claim and shall provide certificates of insurance on request.");
        p.put("penalties", "SERVICE CREDITS. If the Supplier fails to meet a service level, the City is entitled to service credits as set out in Schedule 2; repeated failures entitle the City to liquidated damages of one percent of the annual fee per week of non-compliance.");
        p.put("privacy", "DATA PROTECTION. The Supplier shall process personal data only on the City's documented instructions, protect it with appropriate technical and organisational measures and comply with applicable data protection law.");
        p.put("response", "SECURITY OPERATIONS. The Supplier shall operate a security operations centre available 24x7 and shall respond to critical security incidents within four (4) hours, twenty-four hours a day, seven days a week.");
        p.put("patch", "VULNERABILITIES AND PATCHES. The Supplier shall provide security patches for critical vulnerabilities within fourteen (14) days of their disclosure and for other vulnerabilities within ninety (90) days.");
        p.put("updates", "SOFTWARE UPDATES. The Supplier shall provide signed firmware updates and security updates free of charge throughout the support period.");
        p.put("standards", "STANDARDS. The Supplier maintains an information security management system certified to ISO/IEC 27001 and designs its devices to IEC 62443.");
        p.put("warranty", "WARRANTY. The Supplier warrants the Products against defects in materials and workmanship for a period of thirty-six (36) months from acceptance.");
        p.put("support", "LIFE CYCLE. The Supplier shall provide support, spare parts and security updates for each Product for a period of at least seven (7) years after its delivery, and shall give the City twelve (12) months' written notice before the end of sale or end of support of any Product.");
        p.put("exit", "EXIT. Upon termination or expiration of this Agreement the Supplier shall provide transition assistance for up to six (6) months and shall return or destroy all City data.");
        return p;
    }

    private static final Set<String> STRONG_VENDORS = Set.of("V-003", "V-008", "V-015", "V-021", "V-023");
    private static final Set<String> SLOW_VENDORS = Set.of("V-005", "V-020");

    private static void writeDocuments(WorkspaceData data, Path folder) throws IOException {
        List<String> strong = PARAGRAPHS.keySet().stream().filter(k -> !k.equals("breach7d")).toList();
        List<String> slow = PARAGRAPHS.keySet().stream().filter(k -> !k.equals("breach72")).toList();
        List<String> weak = List.of("liability", "insurance", "updates", "warranty");
        Map<String, String> names = new LinkedHashMap<>();
        data.vendors().forEach(v -> names.put(v.id(), v.name()));
        for (Contract c : data.contracts()) {
            int n = Integer.parseInt(c.id().substring(2));
            List<String> kinds = STRONG_VENDORS.contains(c.vendorId()) ? strong
                    : SLOW_VENDORS.contains(c.vendorId()) ? slow : n % 3 != 0 ? weak : strong.subList(0, 8);
            List<String> body = new ArrayList<>();
            body.add("CONTRACT " + c.number());
            body.add(c.type().toUpperCase(Locale.ROOT) + " AGREEMENT between the City of Riverton (the \"City\") and "
                    + names.get(c.vendorId()) + " (the \"Supplier\").");
            body.add("1. TERM. This Agreement commences on " + c.start().map(LocalDate::toString)
                    .orElse("the date of its last signature") + " for an initial term of " + c.initialTermMonths()
                    + " months" + renewalSentence(c));
            int section = 2;
            for (String kind : kinds) {
                body.add(section++ + ". " + PARAGRAPHS.get(kind));
            }
            body.add("Signed for the City of Riverton and for the Supplier.");
            Files.writeString(folder.resolve(c.id() + ".txt"), String.join("\n\n", body) + "\n", StandardCharsets.UTF_8);
        }
    }

    private static String renewalSentence(Contract c) {
        return switch (c.renewal()) {
            case AUTOMATIC -> " and renews automatically for successive periods of " + c.renewalPeriodMonths()
                    + " months unless either party gives written notice of non-renewal at least " + c.noticeDays()
                    + " days before the end of the then-current term.";
            case EXPRESS -> " and may be renewed by written agreement of both parties; the City shall request a renewal"
                    + " at least " + c.noticeDays() + " days before the end of the term.";
            case NONE -> " and ends at the end of that term.";
        };
    }

    private static void writeReadme(WorkspaceData data, Path readme) throws IOException {
        StringBuilder text = new StringBuilder("""
                # Riverton sample workspace

                Riverton is a fictional mid-sized city. Its vendors, contracts and devices are invented; the
                life-cycle dates of the device models named after real products (Cisco IOS XE, FortiOS, PAN-OS,
                RouterOS, OpenWrt, Raspberry Pi, Windows Embedded) come from the endoflife.date catalog (MIT
                licence), and each date names its source (`endoflife.date/<product> <cycle>`) in the
                `*_source` column of `import/device-models.csv`. The other models' dates come from (invented)
                vendor bulletins, also named per date; two models have no known dates at all.

                The product ships these source files, not a database: the first time a workspace folder
                without a store is opened, `import/*.csv` is imported into `store/` (see
                `org.civicsla.io.SampleWorkspace`). Everything here is generated, deterministically, by

                    bench/run.sh org.civicsla.bench.store.SampleWorkspaceGenerator ../shared/data/endoflife samples/riverton

                (run from the repository root; it reads the catalog, writes `import/`, `documents/` and this
                README, and checks that the files import back to the same records).

                """);
        text.append(String.format("""
                ## Contents

                | file | records |
                | --- | --- |
                | `import/vendors.csv`, `import/contacts.csv` | %d vendors (critical ones with a second contact) |
                | `import/contracts.csv`, `import/documents.csv` | %d contracts and their document titles |
                | `import/clauses.csv` | %d clause records entered by hand (a waiver, a present and a missing clause) |
                | `import/device-models.csv` | %d device models |
                | `import/devices.csv` | %d devices in 8 districts |

                Contracts started between 2016 and 2024 with automatic (tacit), express or no renewal, so many
                tacit renewals have happened by 2026-11-22; one is terminated, one is a draft starting in 2027,
                one has an unknown start date, and some have expired. As of 2026-11-22 these notice deadlines
                fall within the next 90 days:

                """, data.vendors().size(), data.contracts().size(), data.clauses().size(), data.deviceModels().size(),
                data.devices().size()));
        LifecycleSummary summary = LifecycleSummary.of(data, AS_OF, Milestone.END_OF_SECURITY_UPDATES, 3);
        for (LifecycleSummary.NoticeDeadline deadline : summary.noticeDeadlines()) {
            text.append(String.format("- %s: %s (%s renewal, %d days' notice; term ends %s)%n", deadline.deadline(),
                    deadline.contract().id(), deadline.contract().renewal().name().toLowerCase(Locale.ROOT),
                    deadline.contract().noticeDays(), deadline.term().end()));
        }
        text.append("""

                ## Contract documents

                Each contract references one document by a path relative to this folder. The texts are
                generated from clause paragraphs by vendor profile: some vendors sign every security clause,
                two notify breaches only within 7 days, the others lack several clauses.

                | contract | vendor | document |
                | --- | --- | --- |
                """);
        Map<String, String> names = new LinkedHashMap<>();
        data.vendors().forEach(v -> names.put(v.id(), v.name()));
        data.contracts().stream().sorted(Comparator.comparing(Contract::id)).forEach(c -> c.documents().forEach(
                d -> text.append(String.format("| %s | %s | `%s` |%n", c.id(), names.get(c.vendorId()), d.path()))));
        Files.writeString(readme, text.toString(), StandardCharsets.UTF_8);
    }

    /** The written files must import back to exactly the generated records, and show what the sample promises. */
    private static void verify(WorkspaceData data, Path imports) throws Exception {
        Path temp = Files.createTempDirectory("riverton-check");
        try (H2WorkspaceStore store = H2WorkspaceStore.open(temp)) {
            List<Path> files = new ArrayList<>();
            for (Entity entity : Entity.values()) {
                files.add(imports.resolve(entity.csvFile()));
            }
            WorkspaceImporter.importFiles(store, files, false, ImportMonitor.NONE);
            if (!store.snapshot().equals(data)) {
                throw new IllegalStateException("the generated files do not import back to the generated records");
            }
        } finally {
            try (Stream<Path> walk = Files.walk(temp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        LifecycleSummary summary = LifecycleSummary.of(data, AS_OF, Milestone.END_OF_SECURITY_UPDATES, 3);
        if (summary.noticeDeadlines().size() < 3) {
            throw new IllegalStateException("fewer than 3 notice deadlines within 90 days: " + summary.noticeDeadlines());
        }
        System.out.println("devices by support state (end of security updates, 3-month horizon): "
                + summary.devicesByState());
        System.out.println("replacement plan: " + summary.replacementPlan());
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
