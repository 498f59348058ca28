package se.trygghetsnav.plandocument.xlsx;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.jspecify.annotations.Nullable;

/**
 * Writes the cells of the export's sheets in its few styles (a heading, bold labels, table headers, wrapped table
 * text) and makes rows tall enough for their wrapped text, since a spreadsheet does not do that for written files.
 * An {@link ExtraSheet} gets the export's writer, so a caller's sheets look like the plan's.
 */
public final class SheetWriter {

    /** The most characters a cell holds. */
    private static final int MAX_CELL_TEXT = 32_767;

    private static final float LINE_HEIGHT_POINTS = 15f;
    private static final float MAX_ROW_HEIGHT_POINTS = 409f;

    private final CellStyle heading;
    private final CellStyle label;
    private final CellStyle tableHeader;
    private final CellStyle tableText;
    private final CellStyle tableTotal;
    private final CellStyle text;

    SheetWriter(Workbook workbook) {
        Font bold = workbook.createFont();
        bold.setBold(true);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 14);
        heading = style(workbook, large, false);
        label = style(workbook, bold, false);
        text = style(workbook, null, false);
        tableText = style(workbook, null, true);
        tableTotal = style(workbook, bold, true);
        tableHeader = style(workbook, bold, true);
        tableHeader.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        tableHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    /** A label and its value ("Titel", "Åtgärdsplan 2024"): the value spans the columns up to {@code lastColumn}. */
    public Row labelled(Sheet sheet, int rowIndex, String labelText, String value, int lastColumn) {
        Row row = sheet.createRow(rowIndex);
        write(row, 0, labelText, label);
        write(row, 1, value, text);
        if (lastColumn > 1) {
            sheet.addMergedRegion(new CellRangeAddress(rowIndex, rowIndex, 1, lastColumn));
        }
        fitHeight(row, sheet, lastColumn);
        return row;
    }

    /** A bold line of column names: a table's header. */
    public Row header(Sheet sheet, int rowIndex, String... names) {
        return line(sheet, rowIndex, tableHeader, names);
    }

    /** A line of a table. */
    public Row tableRow(Sheet sheet, int rowIndex, String... values) {
        return line(sheet, rowIndex, tableText, values);
    }

    /** A line of label-less text, e.g. a section's rows. */
    public Row textRow(Sheet sheet, int rowIndex, String... values) {
        return line(sheet, rowIndex, text, values);
    }

    /** A table line of a label and counts, as numbers a person can sum. */
    public Row countRow(Sheet sheet, int rowIndex, boolean total, String labelText, int... counts) {
        Row row = sheet.createRow(rowIndex);
        CellStyle style = total ? tableTotal : tableText;
        write(row, 0, labelText, style);
        for (int i = 0; i < counts.length; i++) {
            Cell cell = row.createCell(i + 1);
            cell.setCellValue(counts[i]);
            cell.setCellStyle(style);
        }
        fitHeight(row, sheet, 0);
        return row;
    }

    /**
     * Merges cells of a column over rows that hold the same value in it: the first cell keeps the value, the
     * others are blanked, and the rows grow where together they are too short for the value.
     */
    public static void merge(Sheet sheet, List<CellRangeAddress> regions) {
        for (CellRangeAddress region : regions) {
            for (int row = region.getFirstRow() + 1; row <= region.getLastRow(); row++) {
                sheet.getRow(row).getCell(region.getFirstColumn()).setBlank();
            }
            sheet.addMergedRegion(region);
        }
        // Size the rows by their own cells first; a merged value may then spread over all the rows it covers.
        regions.stream().flatMapToInt(region -> IntStream.rangeClosed(region.getFirstRow(), region.getLastRow()))
                .distinct().forEach(row -> fitHeight(sheet.getRow(row), sheet, 0,
                        cell -> regions.stream().noneMatch(region -> region.isInRange(cell))));
        for (CellRangeAddress region : regions) {
            int column = region.getFirstColumn();
            float needed = LINE_HEIGHT_POINTS * wrappedLines(sheet.getRow(region.getFirstRow()).getCell(column)
                    .getStringCellValue(), Math.max(1, sheet.getColumnWidth(column) / 256));
            float available = 0;
            for (int row = region.getFirstRow(); row <= region.getLastRow(); row++) {
                available += sheet.getRow(row).getHeightInPoints();
            }
            Row last = sheet.getRow(region.getLastRow());
            if (needed > available) {
                last.setHeightInPoints(Math.min(MAX_ROW_HEIGHT_POINTS, last.getHeightInPoints() + needed - available));
            }
        }
    }

    /** A sheet's title in large bold type, on a double-height row. */
    public Row headingRow(Sheet sheet, int rowIndex, String value) {
        Row row = sheet.createRow(rowIndex);
        write(row, 0, value, heading);
        row.setHeightInPoints(2 * LINE_HEIGHT_POINTS);
        return row;
    }

    /** Sets the columns' widths, in characters. */
    public static void widths(Sheet sheet, int... characters) {
        for (int column = 0; column < characters.length; column++) {
            sheet.setColumnWidth(column, characters[column] * 256);
        }
    }

    /**
     * Makes the row as tall as the most wrapped of its cells needs.
     *
     * @param valueSpanEnd the last column the value in column 1 spans (labelled rows merge it rightwards)
     */
    private static void fitHeight(Row row, Sheet sheet, int valueSpanEnd) {
        fitHeight(row, sheet, valueSpanEnd, cell -> true);
    }

    private static void fitHeight(Row row, Sheet sheet, int valueSpanEnd, Predicate<Cell> counted) {
        int lines = 1;
        for (Cell cell : row) {
            if (cell.getCellType() != CellType.STRING || !counted.test(cell)) {
                continue;
            }
            int column = cell.getColumnIndex();
            int characters = 0;
            int last = column == 1 ? Math.max(valueSpanEnd, column) : column;
            for (int spanned = column; spanned <= last; spanned++) {
                characters += sheet.getColumnWidth(spanned) / 256;
            }
            lines = Math.max(lines, wrappedLines(cell.getStringCellValue(), Math.max(characters, 1)));
        }
        row.setHeightInPoints(Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS));
    }

    private Row line(Sheet sheet, int rowIndex, CellStyle style, String... values) {
        Row row = sheet.createRow(rowIndex);
        for (int column = 0; column < values.length; column++) {
            write(row, column, values[column], style);
        }
        fitHeight(row, sheet, 0);
        return row;
    }

    private static void write(Row row, int column, String value, CellStyle style) {
        if (value.length() > MAX_CELL_TEXT) {
            throw new IllegalArgumentException("A cell holds at most " + MAX_CELL_TEXT + " characters; the text at row "
                    + (row.getRowNum() + 1) + " of sheet " + row.getSheet().getSheetName() + " has " + value.length());
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static int wrappedLines(String value, int characters) {
        int lines = 0;
        for (String line : value.split("\n", -1)) {
            lines += Math.max(1, (int) Math.ceil(line.length() * 1.1 / characters));
        }
        return lines;
    }

    private static CellStyle style(Workbook workbook, @Nullable Font font, boolean bordered) {
        CellStyle style = workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        style.setWrapText(true);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
