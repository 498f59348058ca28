package se.trygghetsnav.plandocument.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A workbook typed by hand in a test, as a person lays out a plan in a spreadsheet: row by row, cells merged.
 * Public for the services' tests, which get it from this module's test-jar.
 */
public final class HandBuiltWorkbook {

    private final XSSFWorkbook workbook = new XSSFWorkbook();

    public SheetBuilder sheet(String name) {
        return new SheetBuilder(workbook.createSheet(name));
    }

    public byte[] bytes() {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream stream() {
        return new ByteArrayInputStream(bytes());
    }

    public static final class SheetBuilder {

        private final Sheet sheet;
        private int next;

        private SheetBuilder(Sheet sheet) {
            this.sheet = sheet;
        }

        /** The next row, its cells from column A; empty strings leave a cell blank, no cells a blank row. */
        public SheetBuilder row(String... cells) {
            Row row = sheet.createRow(next++);
            for (int column = 0; column < cells.length; column++) {
                if (!cells[column].isEmpty()) {
                    row.createCell(column).setCellValue(cells[column]);
                }
            }
            return this;
        }

        /** Merges a range such as "A3:A5", as a person merges the cells of rows that share a value. */
        public SheetBuilder merge(String range) {
            sheet.addMergedRegion(CellRangeAddress.valueOf(range));
            return this;
        }
    }
}
