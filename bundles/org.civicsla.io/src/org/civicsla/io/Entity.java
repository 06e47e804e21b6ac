package org.civicsla.io;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of records an import file holds. An XLSX workbook has one sheet per kind (named
 * {@link #sheet}); CSV files hold one kind each (named {@link #csvFile}). The columns are the
 * documented template: docs/import-templates.md.
 * <p>
 * {@link #CONTACTS} and {@link #DOCUMENTS} are not records of their own: they add a vendor's further
 * contacts and a contract's document titles to a vendor or contract of the same import, so that
 * everything a workspace holds can be exported and imported again.
 */
public enum Entity {
    VENDORS("Vendors", "vendors.csv", List.of("id", "name"),
            List.of("id", "name", "category", "criticality", "contact_name", "contact_role", "contact_email",
                    "contact_phone")),
    CONTACTS("Contacts", "contacts.csv", List.of("vendor_id"),
            List.of("vendor_id", "name", "role", "email", "phone")),
    DEVICE_MODELS("DeviceModels", "device-models.csv", List.of("id", "vendor_id", "model"),
            List.of("id", "vendor_id", "model", "category", "end_of_sale", "end_of_sale_source", "end_of_support",
                    "end_of_support_source", "end_of_security_updates", "end_of_security_updates_source", "verified",
                    "unit_cost", "end_of_sale_verified", "end_of_support_verified",
                    "end_of_security_updates_verified")),
    CONTRACTS("Contracts", "contracts.csv", List.of("id", "vendor_id"),
            List.of("id", "vendor_id", "number", "type", "start", "initial_term_months", "renewal",
                    "renewal_period_months", "notice_days", "status", "value", "currency", "covers", "documents")),
    DOCUMENTS("Documents", "documents.csv", List.of("contract_id", "path"), List.of("contract_id", "path", "title")),
    DEVICES("Devices", "devices.csv", List.of("id", "model_id"),
            List.of("id", "model_id", "site", "district", "installed", "service_life_years", "firmware",
                    "criticality", "contract_id", "planned_replacement")),
    CLAUSES("Clauses", "clauses.csv", List.of("contract_id", "clause_type", "state"),
            List.of("contract_id", "clause_type", "state", "reason", "document", "section"));

    private final String sheet;
    private final String csvFile;
    private final List<String> required;
    private final List<String> columns;

    Entity(String sheet, String csvFile, List<String> required, List<String> columns) {
        this.sheet = sheet;
        this.csvFile = csvFile;
        this.required = required;
        this.columns = columns;
    }

    public String sheet() {
        return sheet;
    }

    public String csvFile() {
        return csvFile;
    }

    /** Columns that must be present in the header (and non-empty in every row). */
    public List<String> required() {
        return required;
    }

    /** Every column of the template, in template order. */
    public List<String> columns() {
        return columns;
    }

    /** Whether rows of this kind are parts of another kind's records rather than records of their own. */
    public boolean isPart() {
        return this == CONTACTS || this == DOCUMENTS;
    }

    /** The kind a sheet name stands for, ignoring case, spaces, dashes and underscores. */
    public static Optional<Entity> bySheet(String name) {
        String key = normalise(name);
        for (Entity entity : values()) {
            if (normalise(entity.sheet).equals(key)) {
                return Optional.of(entity);
            }
        }
        return Optional.empty();
    }

    /** The kind a CSV file's name stands for ({@code devices.csv}, {@code Device Models.csv}, ...). */
    public static Optional<Entity> byFileName(String fileName) {
        String base = fileName.replaceFirst("(?i)\\.csv$", "");
        return bySheet(base);
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    }
}
