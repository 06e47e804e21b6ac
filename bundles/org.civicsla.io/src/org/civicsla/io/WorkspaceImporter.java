package org.civicsla.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

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
import org.civicsla.core.model.RenewalKind;
import org.civicsla.core.model.Vendor;
import org.civicsla.core.model.WorkspaceData;
import org.civicsla.core.store.ChangeSet;
import org.civicsla.core.store.WorkspaceStore;

/**
 * Imports vendors, contracts, device models, devices and clause records from XLSX workbooks and
 * CSV files. All files of one call are one import: everything is read and validated first, every
 * problem is reported with file, sheet, row and column, and only a clean import is stored, in one
 * transaction. Records are matched by natural key (their id), so importing the same file again
 * changes nothing.
 */
public final class WorkspaceImporter {

    /** Parsed records of one import, by natural key, in file order. */
    private final Map<String, Vendor> vendors = new LinkedHashMap<>();
    private final Map<String, DeviceModel> models = new LinkedHashMap<>();
    private final Map<String, Contract> contracts = new LinkedHashMap<>();
    private final Map<String, Device> devices = new LinkedHashMap<>();
    private final Map<String, ClauseRecord> clauses = new LinkedHashMap<>();
    /** Where each record came from, by entity and key, to locate reference problems. */
    private final Map<String, Row.Where> origins = new java.util.HashMap<>();
    /** Further contacts and document titles, attached to their vendor or contract once everything is read. */
    private final List<Part<Contact>> contacts = new ArrayList<>();
    private final List<Part<DocumentRef>> documentTitles = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final ImportMonitor monitor;
    private long rows;
    private Stored stored;

    /** A row of a part sheet (Contacts, Documents): what it adds to which record, and where it is. */
    private record Part<T>(String owner, T value, Row.Where where) {
    }

    private WorkspaceImporter(ImportMonitor monitor) {
        this.monitor = monitor;
    }

    /**
     * Imports {@code files} into {@code store} (or, with {@code dryRun}, only says what would change).
     *
     * @throws ImportException listing every problem; nothing was stored
     * @throws CancellationException when {@code cancelled} turned true; nothing was stored
     */
    public static ImportReport importFiles(WorkspaceStore store, List<Path> files, boolean dryRun,
            BooleanSupplier cancelled) throws ImportException {
        return importFiles(store, files, dryRun, new ImportMonitor() {
            @Override
            public boolean cancelled() {
                return cancelled.getAsBoolean();
            }
        });
    }

    /**
     * Imports {@code files} into {@code store} (or, with {@code dryRun}, only says what would change),
     * reporting progress to {@code monitor}.
     *
     * @throws ImportException listing every problem; nothing was stored
     * @throws CancellationException when the monitor said so; nothing was stored
     */
    public static ImportReport importFiles(WorkspaceStore store, List<Path> files, boolean dryRun,
            ImportMonitor monitor) throws ImportException {
        WorkspaceImporter importer = new WorkspaceImporter(monitor);
        WorkspaceData stored = store.snapshot();
        importer.stored = new Stored(stored);
        for (int i = 0; i < files.size(); i++) {
            importer.checkCancelled();
            monitor.reading(files.get(i), i, files.size());
            importer.read(files.get(i));
        }
        monitor.rowsRead(importer.rows);
        importer.attachParts();
        importer.checkReferences(stored);
        if (!importer.problems.isEmpty()) {
            throw new ImportException(importer.problems);
        }
        Map<Entity, ImportReport.Counts> counts = new EnumMap<>(Entity.class);
        ChangeSet changes = new ChangeSet(
                importer.diff(Entity.VENDORS, importer.vendors, stored.vendors(), Vendor::id, counts),
                importer.diff(Entity.CONTRACTS, importer.contracts, stored.contracts(), Contract::id, counts),
                importer.diff(Entity.CLAUSES, importer.clauses, stored.clauses(), WorkspaceImporter::clauseKey, counts),
                importer.diff(Entity.DEVICE_MODELS, importer.models, stored.deviceModels(), DeviceModel::id, counts),
                importer.diff(Entity.DEVICES, importer.devices, stored.devices(), Device::id, counts));
        importer.checkCancelled();
        ImportReport report = new ImportReport(dryRun, counts);
        if (!dryRun && report.changesSomething()) {
            monitor.storing(changes.vendors().size() + changes.contracts().size() + changes.clauses().size()
                    + changes.deviceModels().size() + changes.devices().size());
            store.apply(changes);
        }
        return report;
    }

    private void checkCancelled() {
        if (monitor.cancelled()) {
            throw new CancellationException("import cancelled; nothing was imported");
        }
    }

    private void read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            problems.add(new ImportProblem(file.toString(), "", 0, "", "does not exist or is not a file"));
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            if (lower.endsWith(".xlsx")) {
                XlsxTables.read(file, problems, this::accept);
            } else if (lower.endsWith(".csv")) {
                CsvTables.read(file, problems, this::accept);
            } else {
                problems.add(new ImportProblem(name, "", 0, "", "is neither .xlsx nor .csv"));
            }
        } catch (IOException e) {
            problems.add(new ImportProblem(name, "", 0, "", "cannot be read: "
                    + XlsxTables.plain(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
        }
    }

    /** Rows between two looks at the monitor: often enough to cancel within a blink, rare enough to cost nothing. */
    private static final int ROWS_PER_POLL = 512;

    private void accept(Entity entity, Row row) {
        if (++rows % ROWS_PER_POLL == 0) {
            checkCancelled();
            monitor.rowsRead(rows);
        }
        Object before = stored.of(entity, row);
        // Only a sheet without some of the template's columns needs the stored cells (an export has them all).
        if (before != null && !row.hasColumns(entity.columns())) {
            row.keepAbsent(WorkspaceExporter.cells(entity, before));
        }
        switch (entity) {
            case VENDORS -> {
                Vendor vendor = vendor(row);
                if (vendor != null && before instanceof Vendor kept && CONTACT_COLUMNS.stream().noneMatch(row::hasColumn)) {
                    // Without contact columns, the vendor keeps all its contacts (the export puts the first in the
                    // Vendors sheet, the others in Contacts); Contacts rows of this import are added to them.
                    vendor = new Vendor(vendor.id(), vendor.name(), vendor.category(), vendor.criticality(), kept.contacts());
                }
                put(entity, vendors, row, "id", vendor, Vendor::id);
            }
            case DEVICE_MODELS -> put(entity, models, row, "id", deviceModel(row), DeviceModel::id);
            case CONTRACTS -> put(entity, contracts, row, "id", keptDocuments(contract(row), row, before), Contract::id);
            case DEVICES -> put(entity, devices, row, "id", device(row), Device::id);
            case CLAUSES -> put(entity, clauses, row, "clause_type", clause(row), WorkspaceImporter::clauseKey);
            case CONTACTS -> {
                String vendor = row.required("vendor_id");
                Contact contact = new Contact(row.text("name"), row.text("role"), row.text("email"), row.text("phone"));
                if (contact.equals(new Contact("", "", "", ""))) {
                    row.problem("name", "is empty, and so are role, email and phone; a contact needs at least one");
                } else if (!vendor.isEmpty()) {
                    contacts.add(new Part<>(vendor, contact, row.where()));
                }
            }
            case DOCUMENTS -> {
                String contract = row.required("contract_id");
                String path = row.required("path");
                if (!contract.isEmpty() && !path.isEmpty() && insideWorkspace(row, "path", path)) {
                    DocumentRef document = new DocumentRef(contract, path, row.text("title"));
                    documentTitles.add(new Part<>(contract, document, row.where()));
                }
            }
        }
    }

    /**
     * Adds the Contacts rows to their vendors (after the contact of the vendor's own row, in file order)
     * and the Documents rows to their contracts (giving a title to a path the contract's documents
     * column names, or adding the document). Both must name a vendor or contract of this import: a part
     * row alone would silently replace what the store holds.
     */
    private void attachParts() {
        for (Part<Contact> part : contacts) {
            Vendor vendor = vendors.get(part.owner());
            if (vendor == null) {
                problems.add(part.where().problem("vendor_id", "names vendor '" + part.owner() + "', which has no row "
                        + "in the Vendors sheet of this import; contacts are imported with their vendor"));
                continue;
            }
            List<Contact> all = new ArrayList<>(vendor.contacts());
            all.add(part.value());
            vendors.put(vendor.id(),
                    new Vendor(vendor.id(), vendor.name(), vendor.category(), vendor.criticality(), all));
        }
        Set<String> titled = new HashSet<>();
        for (Part<DocumentRef> part : documentTitles) {
            Contract contract = contracts.get(part.owner());
            if (contract == null) {
                problems.add(part.where().problem("contract_id", "names contract '" + part.owner() + "', which has no row "
                        + "in the Contracts sheet of this import; documents are imported with their contract"));
                continue;
            }
            if (!titled.add(part.owner() + "\u0000" + part.value().path())) {
                problems.add(part.where().problem("path", "'" + part.value().path() + "' appears twice for contract "
                        + part.owner()));
                continue;
            }
            List<DocumentRef> documents = new ArrayList<>(contract.documents());
            int at = -1;
            for (int i = 0; i < documents.size(); i++) {
                if (documents.get(i).path().equals(part.value().path())) {
                    at = i;
                }
            }
            if (at >= 0) {
                documents.set(at, part.value());
            } else {
                documents.add(part.value());
            }
            contracts.put(contract.id(), new Contract(contract.id(), contract.vendorId(), contract.number(),
                    contract.type(), contract.start(), contract.initialTermMonths(), contract.renewal(), contract.renewalPeriodMonths(),
                    contract.noticeDays(), contract.status(), contract.value(), contract.currency(), contract.covers(),
                    documents));
        }
    }

    private static final List<String> CONTACT_COLUMNS = List.of("contact_name", "contact_role", "contact_email", "contact_phone");

    /**
     * A contract keeps its stored documents when the import has no documents column, and a stored document keeps
     * its title when the import names its path without one (titles are in the Documents sheet, which the Contracts
     * sheet alone does not have); Documents rows of this import still set titles and add documents.
     */
    private static Contract keptDocuments(Contract contract, Row row, Object before) {
        if (contract == null || !(before instanceof Contract kept)) {
            return contract;
        }
        List<DocumentRef> documents;
        if (!row.hasColumn("documents")) {
            documents = kept.documents();
        } else {
            Map<String, String> titles = new java.util.HashMap<>();
            kept.documents().forEach(d -> titles.put(d.path(), d.title()));
            documents = contract.documents().stream()
                    .map(d -> new DocumentRef(d.contractId(), d.path(), titles.getOrDefault(d.path(), d.title()))).toList();
        }
        return new Contract(contract.id(), contract.vendorId(), contract.number(), contract.type(), contract.start(),
                contract.initialTermMonths(), contract.renewal(), contract.renewalPeriodMonths(), contract.noticeDays(),
                contract.status(), contract.value(), contract.currency(), contract.covers(), documents);
    }

    /** The stored records an import's rows may update, by the key their rows name. */
    private static final class Stored {
        private final WorkspaceData data;
        private final Map<Entity, Map<String, Object>> byKey = new EnumMap<>(Entity.class);

        Stored(WorkspaceData data) {
            this.data = data;
        }

        /** The stored record {@code row} names, or null (a new record, or an entity without one). */
        Object of(Entity entity, Row row) {
            String key = switch (entity) {
                case VENDORS, DEVICE_MODELS, CONTRACTS, DEVICES -> row.text("id");
                case CLAUSES -> row.text("contract_id") + "\u0000" + row.text("clause_type");
                default -> null;
            };
            return key == null ? null : byKey.computeIfAbsent(entity, this::index).get(key);
        }

        private Map<String, Object> index(Entity entity) {
            Map<String, Object> index = new java.util.HashMap<>();
            switch (entity) {
                case VENDORS -> data.vendors().forEach(v -> index.put(v.id(), v));
                case DEVICE_MODELS -> data.deviceModels().forEach(m -> index.put(m.id(), m));
                case CONTRACTS -> data.contracts().forEach(c -> index.put(c.id(), c));
                case DEVICES -> data.devices().forEach(d -> index.put(d.id(), d));
                case CLAUSES -> data.clauses().forEach(c -> index.put(clauseKey(c), c));
                default -> { }
            }
            return index;
        }
    }

    private <T> void put(Entity entity, Map<String, T> into, Row row, String keyColumn, T record,
            Function<T, String> key) {
        if (record == null) {
            return;
        }
        if (into.putIfAbsent(key.apply(record), record) != null) {
            row.problem(keyColumn, "'" + key.apply(record) + "' appears twice in this import");
            return;
        }
        origins.put(entity.name() + "\u0000" + key.apply(record), row.where());
    }

    private ImportProblem dangling(Entity entity, String key, String column, String value, String what) {
        Row.Where where = origins.get(entity.name() + "\u0000" + key);
        return where.problem(column, "names " + what + " '" + value + "', which is neither in this import nor stored");
    }

    private static Vendor vendor(Row row) {
        String id = row.required("id");
        String name = row.required("name");
        Criticality criticality = row.choice("criticality", Criticality.class, Criticality.MEDIUM);
        Contact contact = new Contact(row.text("contact_name"), row.text("contact_role"), row.text("contact_email"),
                row.text("contact_phone"));
        List<Contact> contacts = contact.equals(new Contact("", "", "", "")) ? List.of() : List.of(contact);
        return id.isEmpty() || name.isEmpty() ? null : new Vendor(id, name, row.text("category"), criticality, contacts);
    }

    private static DeviceModel deviceModel(Row row) {
        String id = row.required("id");
        String vendor = row.required("vendor_id");
        String model = row.required("model");
        var verified = row.date("verified");
        LifecycleDate eos = lifecycleDate(row, "end_of_sale", verified);
        LifecycleDate support = lifecycleDate(row, "end_of_support", verified);
        LifecycleDate security = lifecycleDate(row, "end_of_security_updates", verified);
        var cost = row.decimal("unit_cost");
        return id.isEmpty() || vendor.isEmpty() || model.isEmpty() ? null
                : new DeviceModel(id, vendor, model, row.text("category"), eos, support, security, cost);
    }

    /**
     * A milestone's date, source and verification date; {@code verified} is the shorthand for all three
     * milestones, {@code <milestone>_verified} the date for one of them.
     */
    private static LifecycleDate lifecycleDate(Row row, String milestone, Optional<LocalDate> verifiedAll) {
        Optional<LocalDate> verified = row.date(milestone + "_verified");
        return new LifecycleDate(row.date(milestone), row.text(milestone + "_source"), verified.or(() -> verifiedAll));
    }

    private static Contract contract(Row row) {
        String id = row.required("id");
        String vendor = row.required("vendor_id");
        var start = row.date("start");
        int term = row.integer("initial_term_months", 0);
        RenewalKind renewal = row.choice("renewal", RenewalKind.class, RenewalKind.NONE);
        int renewalMonths = row.integer("renewal_period_months", 0);
        if (renewal == RenewalKind.AUTOMATIC && renewalMonths == 0 && !row.text("renewal_period_months").isEmpty()) {
            row.problem("renewal_period_months", "is 0 for an automatic renewal; give the renewal period in months");
        }
        int notice = row.integer("notice_days", 0);
        ContractStatus status = row.choice("status", ContractStatus.class, ContractStatus.ACTIVE);
        var value = row.decimal("value");
        if (id.isEmpty() || vendor.isEmpty()) {
            return null;
        }
        List<String> paths = row.list("documents").stream().filter(path -> insideWorkspace(row, "documents", path)).toList();
        if (new HashSet<>(paths).size() < paths.size()) {
            row.problem("documents", "names a document twice");
            paths = List.copyOf(new java.util.LinkedHashSet<>(paths));
        }
        List<DocumentRef> documents = paths.stream().map(path -> new DocumentRef(id, path, "")).toList();
        return new Contract(id, vendor, row.text("number"), row.text("type"), start, term, renewal, renewalMonths, notice,
                status, value, row.text("currency"), row.list("covers"), documents);
    }

    /**
     * Whether a document path stays inside the workspace folder, as the workbench keeps documents (it copies them
     * there): an imported file naming "../../home/x/secret.txt" or "/etc/passwd" would otherwise have the index read
     * and show any file the user can read.
     */
    private static boolean insideWorkspace(Row row, String column, String path) {
        try {
            Path named = Path.of(path);
            if (!named.isAbsolute() && !path.startsWith("/") && !path.startsWith("\\") && !named.normalize().startsWith("..")
                    && !(path.length() > 1 && path.charAt(1) == ':')) {
                return true;
            }
        } catch (java.nio.file.InvalidPathException e) {
            row.problem(column, "'" + path + "' is not a file path");
            return false;
        }
        row.problem(column, "'" + path + "' is outside the workspace folder; name a document by its path inside it,"
                + " e.g. documents/C-1.pdf");
        return false;
    }

    private static Device device(Row row) {
        String id = row.required("id");
        String model = row.required("model_id");
        var installed = row.date("installed");
        int life = row.integer("service_life_years", 0);
        Criticality criticality = row.choice("criticality", Criticality.class, Criticality.MEDIUM);
        String contract = row.text("contract_id");
        var replacement = row.date("planned_replacement");
        return id.isEmpty() || model.isEmpty() ? null
                : new Device(id, model, row.text("site"), row.text("district"), installed, life, row.text("firmware"),
                        criticality, contract.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(contract),
                        replacement);
    }

    private static ClauseRecord clause(Row row) {
        String contract = row.required("contract_id");
        String type = row.required("clause_type");
        ClauseState state = row.choice("state", ClauseState.class, ClauseState.PRESENT);
        if (state == ClauseState.WAIVED && row.text("reason").isEmpty()) {
            row.problem("reason", "is empty; a waived clause needs the reason it was waived");
        }
        return contract.isEmpty() || type.isEmpty() ? null
                : new ClauseRecord(contract, type, state, row.text("reason"), row.text("document"), row.text("section"),
                        ClauseSource.MANUAL);
    }

    private static String clauseKey(ClauseRecord record) {
        return record.contractId() + "\u0000" + record.clauseType();
    }

    /** Every reference must point to a record of this import or of the store. */
    private void checkReferences(WorkspaceData stored) {
        Set<String> vendorIds = ids(vendors.keySet(), stored.vendors().stream().map(Vendor::id).toList());
        Set<String> modelIds = ids(models.keySet(), stored.deviceModels().stream().map(DeviceModel::id).toList());
        Set<String> contractIds = ids(contracts.keySet(), stored.contracts().stream().map(Contract::id).toList());
        for (DeviceModel m : models.values()) {
            if (!vendorIds.contains(m.vendorId())) {
                problems.add(dangling(Entity.DEVICE_MODELS, m.id(), "vendor_id", m.vendorId(), "vendor"));
            }
        }
        for (Contract c : contracts.values()) {
            if (!vendorIds.contains(c.vendorId())) {
                problems.add(dangling(Entity.CONTRACTS, c.id(), "vendor_id", c.vendorId(), "vendor"));
            }
        }
        for (Device d : devices.values()) {
            if (!modelIds.contains(d.modelId())) {
                problems.add(dangling(Entity.DEVICES, d.id(), "model_id", d.modelId(), "device model"));
            }
            d.contractId().filter(id -> !contractIds.contains(id))
                    .ifPresent(id -> problems.add(dangling(Entity.DEVICES, d.id(), "contract_id", id, "contract")));
        }
        for (ClauseRecord c : clauses.values()) {
            if (!contractIds.contains(c.contractId())) {
                problems.add(dangling(Entity.CLAUSES, clauseKey(c), "contract_id", c.contractId(), "contract"));
            }
        }
    }

    private static Set<String> ids(Set<String> imported, List<String> stored) {
        Set<String> all = new HashSet<>(imported);
        all.addAll(stored);
        return all;
    }

    /** Records of the import that are new or differ from the stored ones; counts all three cases. */
    private <T> List<T> diff(Entity entity, Map<String, T> imported, List<T> stored, Function<T, String> key,
            Map<Entity, ImportReport.Counts> counts) {
        if (imported.isEmpty()) {
            return List.of();
        }
        Map<String, T> byKey = new java.util.HashMap<>();
        for (T record : stored) {
            byKey.put(key.apply(record), record);
        }
        List<T> changes = new ArrayList<>();
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (T record : imported.values()) {
            T old = byKey.get(key.apply(record));
            if (old == null) {
                added++;
                changes.add(record);
            } else if (!Objects.equals(old, record)) {
                changed++;
                changes.add(record);
            } else {
                unchanged++;
            }
        }
        counts.put(entity, new ImportReport.Counts(added, changed, unchanged));
        return changes;
    }
}
