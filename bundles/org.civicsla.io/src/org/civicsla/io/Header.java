package org.civicsla.io;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks a sheet's header row against the template of its entity and maps columns by position. */
final class Header {

    private Header() {
    }

    /**
     * @return the normalised column names by position ("" for an empty header cell), or null when
     *         the header is unusable (problems were added)
     */
    static List<String> check(String file, String sheet, Entity entity, List<String> cells, List<ImportProblem> problems) {
        List<String> columns = new ArrayList<>();
        boolean usable = true;
        for (String cell : cells) {
            String column = cell == null ? "" : cell.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
            if (!column.isEmpty() && !entity.columns().contains(column)) {
                problems.add(new ImportProblem(file, sheet, 1, cell.strip(),
                        "unknown column; the " + entity.sheet() + " template has " + String.join(", ", entity.columns())));
                usable = false;
            }
            if (!column.isEmpty() && columns.contains(column)) {
                problems.add(new ImportProblem(file, sheet, 1, cell.strip(), "column appears twice"));
                usable = false;
            }
            columns.add(column);
        }
        for (String required : entity.required()) {
            if (!columns.contains(required)) {
                problems.add(new ImportProblem(file, sheet, 1, required, "required column is missing"));
                usable = false;
            }
        }
        return usable ? columns : null;
    }
}
