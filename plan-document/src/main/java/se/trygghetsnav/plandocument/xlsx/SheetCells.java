package se.trygghetsnav.plandocument.xlsx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.jspecify.annotations.Nullable;

/**
 * The texts of a sheet as a person sees them: a merged cell shows its value in every cell it covers, dates read
 * as yyyy-mm-dd, numbers as displayed, line breaks as \n.
 */
final class SheetCells {

    private final DataFormatter displayed = new DataFormatter();
    private final Sheet sheet;
    /** The merged regions by the rows they cover (up to the last row), so a cell's is found without a search. */
    private final Map<Integer, List<CellRangeAddress>> mergedByRow = new HashMap<>();

    SheetCells(Sheet sheet) {
        this.sheet = sheet;
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            for (int row = region.getFirstRow(); row <= Math.min(region.getLastRow(), sheet.getLastRowNum()); row++) {
                mergedByRow.computeIfAbsent(row, r -> new ArrayList<>()).add(region);
            }
        }
    }

    String name() {
        return sheet.getSheetName();
    }

    /** The last row index with anything in it, or -1 for an empty sheet. */
    int lastRow() {
        return sheet.getLastRowNum();
    }

    /** One past the last column index with anything in it on the row. */
    int width(int row) {
        Row cells = sheet.getRow(row);
        return cells == null || cells.getLastCellNum() < 0 ? 0 : cells.getLastCellNum();
    }

    /** The text the cell shows ("" when blank), the merged region's value when it lies in one. */
    String text(int row, int column) {
        CellRangeAddress region = regionOf(row, column);
        return region == null ? ownText(row, column) : ownText(region.getFirstRow(), region.getFirstColumn());
    }

    /** Whether the cell lies in a merged region below or right of its first cell: it repeats the value there. */
    boolean continuesMergedCell(int row, int column) {
        CellRangeAddress region = regionOf(row, column);
        return region != null && (region.getFirstRow() != row || region.getFirstColumn() != column);
    }

    boolean isBlankRow(int row) {
        for (int column = 0; column < width(row); column++) {
            if (!text(row, column).isBlank()) {
                return false;
            }
        }
        return true;
    }

    boolean isEmpty() {
        return IntStream.rangeClosed(0, lastRow()).allMatch(this::isBlankRow);
    }

    /** The non-blank texts of the row, left to right. */
    List<String> texts(int row) {
        return IntStream.range(0, width(row)).mapToObj(column -> text(row, column))
                .filter(text -> !text.isBlank()).map(String::strip).toList();
    }

    private String ownText(int row, int column) {
        Row cells = sheet.getRow(row);
        Cell cell = cells == null ? null : cells.getCell(column);
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        String text = switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : displayed.formatCellValue(cell);
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            default -> "";
        };
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    private @Nullable CellRangeAddress regionOf(int row, int column) {
        for (CellRangeAddress region : mergedByRow.getOrDefault(row, List.of())) {
            if (region.isInRange(row, column)) {
                return region;
            }
        }
        return null;
    }
}
