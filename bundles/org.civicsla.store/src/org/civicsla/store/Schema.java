package org.civicsla.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The versioned schema of a workspace store. Each migration moves the schema one version up; a
 * store opened by a newer CivicSLA runs the migrations it lacks, in order. H2 commits DDL
 * implicitly, so migrations cannot share one transaction: instead every statement is idempotent
 * ({@code IF NOT EXISTS}) and the version row is written last, so a migration interrupted by a
 * crash simply runs again on the next open.
 */
final class Schema {

    /** Migration {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE IF NOT EXISTS vendor (
              id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, category VARCHAR NOT NULL,
              criticality VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS vendor_contact (
              vendor_id VARCHAR NOT NULL, seq INT NOT NULL, name VARCHAR NOT NULL, role VARCHAR NOT NULL,
              email VARCHAR NOT NULL, phone VARCHAR NOT NULL, PRIMARY KEY (vendor_id, seq))""",
            """
            CREATE TABLE IF NOT EXISTS contract (
              id VARCHAR PRIMARY KEY, vendor_id VARCHAR NOT NULL, number VARCHAR NOT NULL, type VARCHAR NOT NULL,
              start_date DATE, initial_term_months INT NOT NULL, renewal VARCHAR NOT NULL,
              renewal_period_months INT NOT NULL, notice_days INT NOT NULL, status VARCHAR NOT NULL,
              contract_value DECIMAL(20, 2), currency VARCHAR NOT NULL, covers VARCHAR NOT NULL)""",
            """
            CREATE TABLE IF NOT EXISTS contract_document (
              contract_id VARCHAR NOT NULL, path VARCHAR NOT NULL, title VARCHAR NOT NULL, seq INT NOT NULL,
              PRIMARY KEY (contract_id, path))""",
            """
            CREATE TABLE IF NOT EXISTS clause_record (
              contract_id VARCHAR NOT NULL, clause_type VARCHAR NOT NULL, state VARCHAR NOT NULL,
              reason VARCHAR NOT NULL, document VARCHAR NOT NULL, section VARCHAR NOT NULL, source VARCHAR NOT NULL,
              PRIMARY KEY (contract_id, clause_type))""",
            """
            CREATE TABLE IF NOT EXISTS device_model (
              id VARCHAR PRIMARY KEY, vendor_id VARCHAR NOT NULL, model VARCHAR NOT NULL, category VARCHAR NOT NULL,
              end_of_sale DATE, end_of_sale_source VARCHAR NOT NULL, end_of_sale_verified DATE,
              end_of_support DATE, end_of_support_source VARCHAR NOT NULL, end_of_support_verified DATE,
              end_of_security DATE, end_of_security_source VARCHAR NOT NULL, end_of_security_verified DATE,
              unit_cost DECIMAL(20, 2))""",
            """
            CREATE TABLE IF NOT EXISTS device (
              id VARCHAR PRIMARY KEY, model_id VARCHAR NOT NULL, site VARCHAR NOT NULL, district VARCHAR NOT NULL,
              installed DATE, service_life_years INT NOT NULL, firmware VARCHAR NOT NULL, criticality VARCHAR NOT NULL,
              contract_id VARCHAR, planned_replacement DATE)""",
            "CREATE INDEX IF NOT EXISTS device_model_idx ON device (model_id)"),
            // 2: everything reads whole snapshots and never looks devices up by model in SQL, so the
            // index only slowed imports down (by about a fifth for 100,000 devices).
            List.of("DROP INDEX IF EXISTS device_model_idx"));

    /** The schema version this code reads and writes. */
    static final int CURRENT = MIGRATIONS.size();

    private Schema() {
    }

    /** Brings the database to {@link #CURRENT}; refuses a database written by a newer CivicSLA. */
    static void migrate(Connection connection, String where) throws SQLException {
        migrate(connection, where, CURRENT);
    }

    /** Brings the database to {@code target} (tests build older workspaces with it). */
    static void migrate(Connection connection, String where, int target) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL)");
            int version;
            try (ResultSet rows = statement.executeQuery("SELECT MAX(version) FROM schema_version")) {
                rows.next();
                version = rows.getInt(1);
            }
            if (version > CURRENT) {
                throw new IllegalStateException(where + ": the workspace was written by a newer CivicSLA (schema "
                        + version + ", this version reads up to " + CURRENT + ")");
            }
            for (int v = version; v < target; v++) {
                for (String sql : MIGRATIONS.get(v)) {
                    statement.execute(sql);
                }
                statement.execute("INSERT INTO schema_version VALUES (" + (v + 1) + ")");
            }
        }
    }
}
