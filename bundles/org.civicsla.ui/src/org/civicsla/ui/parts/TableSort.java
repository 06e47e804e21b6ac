package org.civicsla.ui.parts;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;

/**
 * Sorting of a plain SWT table whose rows a part builds itself: a click on a column header sorts by
 * it, a second click reverses. The order is kept in the part's persisted state (saved with the window
 * layout), so a person finds the table sorted as they left it. Numbers (also "1,234.50") sort as
 * numbers; ISO dates sort as text, which is their order; check statuses sort worst first (fail,
 * warning, unknown, pass), the order a reviewer works through them.
 */
final class TableSort {

    private final Table table;
    private final Map<String, String> state;
    private final String key;
    private final Runnable refresh;
    private String column;
    private boolean ascending;

    /**
     * @param state the part's persisted state
     * @param key the table's name within the part
     * @param refresh rebuilds the rows in {@link #order()} order
     */
    TableSort(Table table, Map<String, String> state, String key, String defaultColumn, Runnable refresh) {
        this.table = table;
        this.state = state;
        this.key = key;
        this.refresh = refresh;
        this.column = state.getOrDefault(key + ".sortColumn", defaultColumn);
        this.ascending = !"false".equals(state.get(key + ".sortAscending"));
    }

    /** Makes the headers of {@code table}'s current columns sort; call again after columns are recreated. */
    void attach() {
        for (TableColumn c : table.getColumns()) {
            if (c.getData(TableSort.class.getName()) == null) {
                c.setData(TableSort.class.getName(), Boolean.TRUE);
                c.addListener(SWT.Selection, e -> {
                    ascending = !name(c).equals(column) || !ascending;
                    column = name(c);
                    state.put(key + ".sortColumn", column);
                    state.put(key + ".sortAscending", Boolean.toString(ascending));
                    refresh.run();
                });
            }
            if (name(c).equals(column)) {
                table.setSortColumn(c);
                table.setSortDirection(ascending ? SWT.UP : SWT.DOWN);
            }
        }
    }

    /** The data key under which a column whose title changes keeps one name for the sort kept with the layout. */
    static final String NAME = TableSort.class.getName() + ".name";

    /** The column's name as the sort keeps it: its {@link #NAME}, else its title. */
    private static String name(TableColumn column) {
        return column.getData(NAME) instanceof String name ? name : column.getText();
    }

    /** The order of rows given as their cell texts, by the chosen column. */
    Comparator<String[]> order() {
        int index = -1;
        TableColumn[] columns = table.getColumns();
        for (int i = 0; i < columns.length; i++) {
            if (name(columns[i]).equals(column)) {
                index = i;
            }
        }
        if (index < 0) {
            return (a, b) -> 0;
        }
        int i = index;
        Comparator<String[]> order = (a, b) -> compareCells(a[i], b[i]);
        return ascending ? order : order.reversed();
    }

    /** Width of a column's title with room for the sort arrow beside it: a column is never narrower than that. */
    static int titleWidth(org.eclipse.swt.graphics.GC gc, String title) {
        return gc.textExtent(title).x + 40; // GTK pads a header more than the arrow is wide
    }

    static int compareCells(String a, String b) {
        Integer severityA = SEVERITY.get(a);
        Integer severityB = SEVERITY.get(b);
        if (severityA != null && severityB != null) {
            return Integer.compare(severityA, severityB);
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        if (x != null || y != null) {
            return x != null ? -1 : 1; // numbers before words such as "unknown"
        }
        int byLetters = WORDS.compare(letters(a), letters(b));
        return byLetters != 0 ? byLetters : WORDS.compare(a, b);
    }

    /**
     * Words in the order of the person's language, where "Łódź" stands among the L's, not after "Tidewater" as
     * by character code. A Collator is not safe for threads: tables sort on the UI thread only.
     */
    private static final java.text.Collator WORDS = java.text.Collator.getInstance();
    static {
        WORDS.setStrength(java.text.Collator.SECONDARY); // case does not order, accents do
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");

    /** Letters without their marks ("é" is "e"), strokes too, which Unicode does not decompose ("Ł" is "L"). */
    private static String letters(String text) {
        String bare = MARKS.matcher(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)).replaceAll("");
        StringBuilder folded = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            folded.append(switch (c) {
                case 'Ł' -> "L";
                case 'ł' -> "l";
                case 'Ø' -> "O";
                case 'ø' -> "o";
                case 'Đ' -> "D";
                case 'đ' -> "d";
                case 'ß' -> "ss";
                case 'Æ' -> "AE";
                case 'æ' -> "ae";
                case 'Œ' -> "OE";
                case 'œ' -> "oe";
                default -> String.valueOf(c);
            });
        }
        return folded.toString();
    }

    /**
     * The statuses of {@code org.civicsla.core.check.Status} and of a device model's support
     * ({@code org.civicsla.core.lifecycle.SupportState}) as the tables spell them, worst first: a sort by status puts
     * what needs acting on at the top, not in the alphabet's order ("unsupported" last).
     */
    private static final Map<String, Integer> SEVERITY = Map.of("fail", 0, "warning", 1, "unknown", 2, "pass", 3,
            "unsupported", 0, "ending within horizon", 1, "supported", 3);

    private static BigDecimal number(String text) {
        if (text == null || text.isEmpty() || !text.matches("-?[0-9][0-9,]*(\\.[0-9]+)?")) {
            return null;
        }
        return new BigDecimal(text.replace(",", ""));
    }
}
