package org.civicsla.io;

/**
 * One thing wrong with an import file, located as precisely as the file allows: a CSV file has no
 * sheet (empty), a missing column has no row (0).
 */
public record ImportProblem(String file, String sheet, long row, String column, String reason) {

    @Override
    public String toString() {
        StringBuilder where = new StringBuilder(file);
        if (!sheet.isEmpty()) {
            where.append(", sheet ").append(sheet);
        }
        if (row > 0) {
            where.append(", row ").append(row);
        }
        if (!column.isEmpty()) {
            where.append(", column ").append(column);
        }
        return where.append(": ").append(reason).toString();
    }
}
