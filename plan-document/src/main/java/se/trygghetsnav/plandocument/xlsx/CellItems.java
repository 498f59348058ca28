package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Cells that hold several items: causes, goals, measures, partners. Plans write them as bullet lists (•, ▪, -, –,
 * *), numbered lists or one item a line. The export writes one item as it is and several as a • list, so an item
 * that spans lines stays one item when it is read again.
 */
final class CellItems {

    private static final String BULLET = "• ";

    /** A list marker at the start of a line, and which kind of list it makes. */
    private static final Pattern MARKER = Pattern.compile("^\\s*(?:([•▪◦●■○])|([-–—*])|(\\d{1,2}[.)]))\\s+");
    /**
     * Bullets after text in the middle of a line ("• Elever ska … • Att öka …"), as HTML lists pasted into a cell
     * leave them; not a bullet right after a marker, which starts an item's own text ("• • punkt").
     */
    private static final Pattern INLINE_BULLET = Pattern.compile("(?<=[^\\s•▪])\\s+(?=[•▪]\\s)");

    private CellItems() {
    }

    /** The cell text for the items: one as it is, unless it would read as several; more as a • list. */
    static String format(List<String> items) {
        if (items.size() == 1 && !readsAsSeveral(items.getFirst())) {
            return items.getFirst();
        }
        return String.join("\n", items.stream().map(item -> BULLET + item).toList());
    }

    /**
     * The items of a cell. In a list, a line with the list's kind of marker starts an item and other lines continue
     * it (so items keep their own line breaks); without markers every non-blank line is an item.
     */
    static List<String> split(@Nullable String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        String[] lines = INLINE_BULLET.matcher(cell.strip()).replaceAll("\n").split("\n", -1);
        Integer listKind = null;
        for (String line : lines) {
            listKind = kind(line);
            if (listKind != null) {
                break;
            }
        }
        List<String> items = new ArrayList<>();
        if (listKind == null) {
            for (String line : lines) {
                if (!line.isBlank()) {
                    items.add(line.strip());
                }
            }
            return items;
        }
        StringBuilder item = null;
        for (String line : lines) {
            Matcher marker = MARKER.matcher(line);
            if (marker.find() && listKind.equals(kind(line))) {
                addIfAny(items, item);
                item = new StringBuilder(line.substring(marker.end()));
            }
            else if (item == null) {
                item = new StringBuilder(line);
            }
            else {
                item.append('\n').append(line);
            }
        }
        addIfAny(items, item);
        return items;
    }

    private static boolean readsAsSeveral(String item) {
        return item.contains("\n") || MARKER.matcher(item).find() || INLINE_BULLET.matcher(item).find();
    }

    /** 1 for bullets, 2 for dashes and stars, 3 for numbers; null for a line without a marker. */
    private static @Nullable Integer kind(String line) {
        Matcher marker = MARKER.matcher(line);
        if (!marker.find()) {
            return null;
        }
        return marker.group(1) != null ? 1 : marker.group(2) != null ? 2 : 3;
    }

    private static void addIfAny(List<String> items, @Nullable StringBuilder item) {
        if (item != null && !item.toString().isBlank()) {
            items.add(item.toString().strip());
        }
    }
}
