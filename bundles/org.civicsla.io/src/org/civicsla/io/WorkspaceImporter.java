package org.civicsla.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    private final List<ImportProblem> problems = new ArrayList<>();

    private WorkspaceImporter() {
    }

    /**
     * Imports {@code files} into {@code store} (or, with {@code dryRun}, only says what would change).
     *
     * @throws ImportException listing every problem; nothing was stored
     * @throws CancellationException when {@code cancelled} turned true; nothing was stored
     */
    public static ImportReport importFiles(WorkspaceStore store, List<Path> files, boolean dryRun,
            BooleanSupplier cancelled) throws ImportException {
        WorkspaceImporter importer = new WorkspaceImporter();
        for (Path file : files) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("import cancelled; nothing was imported");
            }
            importer.read(file);
        }
        WorkspaceData stored = store.snapshot();
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
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("import cancelled; nothing was imported");
        }
        ImportReport report = new ImportReport(dryRun, counts);
        if (!dryRun && report.changesSomething()) {
            store.apply(changes);
        }
        return report;
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
            problems.add(new ImportProblem(name, "", 0, "", "cannot be read: " + e.getMessage()));
        }
    }

    private void accept(Entity entity, Row row) {
        switch (entity) {
            case VENDORS -> put(entity, vendors, row, "id", vendor(row), Vendor::id);
            case DEVICE_MODELS -> put(entity, models, row, "id", deviceModel(row), DeviceModel::id);
            case CONTRACTS -> put(entity, contracts, row, "id", contract(row), Contract::id);
            case DEVICES -> put(entity, devices, row, "id", device(row), Device::id);
            case CLAUSES -> put(entity, clauses, row, "clause_type", clause(row), WorkspaceImporter::clauseKey);
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
        List<Contact> contacts = row.text("contact_name").isEmpty() && row.text("contact_email").isEmpty() ? List.of()
                : List.of(new Contact(row.text("contact_name"), row.text("contact_role"), row.text("contact_email"),
                        row.text("contact_phone")));
        return id.isEmpty() || name.isEmpty() ? null : new Vendor(id, name, row.text("category"), criticality, contacts);
    }

    private static DeviceModel deviceModel(Row row) {
        String id = row.required("id");
        String vendor = row.required("vendor_id");
        String model = row.required("model");
        var verified = row.date("verified");
        LifecycleDate eos = new LifecycleDate(row.date("end_of_sale"), row.text("end_of_sale_source"), verified);
        LifecycleDate support = new LifecycleDate(row.date("end_of_support"), row.text("end_of_support_source"), verified);
        LifecycleDate security = new LifecycleDate(row.date("end_of_security_updates"),
                row.text("end_of_security_updates_source"), verified);
        var cost = row.decimal("unit_cost");
        return id.isEmpty() || vendor.isEmpty() || model.isEmpty() ? null
                : new DeviceModel(id, vendor, model, row.text("category"), eos, support, security, cost);
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
        List<DocumentRef> documents = row.list("documents").stream().map(path -> new DocumentRef(id, path, "")).toList();
        return new Contract(id, vendor, row.text("number"), row.text("type"), start, term, renewal, renewalMonths, notice,
                status, value, row.text("currency"), row.list("covers"), documents);
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
