package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.ColumnField;

/**
 * A table's header row, found by its column names: a row is one when it names a measure column and at least one
 * other known column. Headings the plan's "Om planen" lists are read as it says; others by the headings plans
 * use, with OCR damage tolerated; the rest are extra columns.
 *
 * @param row the row's index
 */
record SheetHeader(int row, List<Heading> headings) {

    /** Longer than any heading: a sentence in a data row is not one. */
    private static final int LONGEST_HEADING = 80;

    /**
     * @param distance how far the heading is from the known one it was read as: 0 exactly, more for OCR damage
     * @param listed whether "Om planen" lists it among the plan's columns
     * @param duplicate whether an earlier column has the same known field (this one is then an extra column)
     */
    record Heading(int column, SheetColumn kind, String text, int distance, boolean listed, boolean duplicate) {
    }

    /** The header at the row, or null when the row is not one. */
    static @Nullable SheetHeader at(SheetCells sheet, int row, Map<String, ColumnField> listedColumns) {
        List<Heading> headings = new ArrayList<>();
        Set<SheetColumn> known = EnumSet.noneOf(SheetColumn.class);
        for (int column = 0; column < sheet.width(row); column++) {
            String text = sheet.text(row, column).strip();
            if (text.isEmpty() || sheet.continuesMergedCell(row, column)) {
                continue;
            }
            if (text.length() > LONGEST_HEADING) {
                return null;
            }
            ColumnField listed = listedColumns.get(Texts.key(text));
            SheetColumn.Match match = listed == null ? SheetColumn.match(text) : null;
            SheetColumn kind = listed != null ? SheetColumn.of(listed) : match == null ? SheetColumn.EXTRA : match.column();
            boolean duplicate = kind != SheetColumn.EXTRA && !known.add(kind);
            headings.add(new Heading(column, duplicate ? SheetColumn.EXTRA : kind, text,
                    match == null ? 0 : match.distance(), listed != null, duplicate));
        }
        known.remove(SheetColumn.EXTRA);
        return known.contains(SheetColumn.MEASURE) && known.size() >= 2 ? new SheetHeader(row, headings) : null;
    }

    boolean has(SheetColumn kind) {
        return find(kind) != null;
    }

    /** The column of a known kind, or null when the table has none. */
    @Nullable Heading find(SheetColumn kind) {
        return headings.stream().filter(heading -> heading.kind() == kind).findFirst().orElse(null);
    }

    List<Heading> extras() {
        return headings.stream().filter(heading -> heading.kind() == SheetColumn.EXTRA).toList();
    }

    /** Whether another header names the same columns the same way (a table repeating its header). */
    boolean sameColumnsAs(@Nullable SheetHeader other) {
        return other != null && other.headings.equals(headings);
    }
}
