package se.trygghetsnav.plandocument.xlsx;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.xlsx.AreaSheetLayout.WrittenColumn;

/**
 * A whole plan as an XLSX workbook to hand to a board: "Om planen" (what the plan says about itself, its units),
 * "Sammanfattning" (its figures per focus area), then a sheet per focus area with its table in the plan's own
 * columns. Every cell is plain visible text that {@link XlsxPlanImport} reads back to the same plan.
 */
public final class XlsxPlanExport {

    /** The longest name a sheet may have. */
    private static final int SHEET_NAME_LENGTH = 31;

    private XlsxPlanExport() {
    }

    public static void write(PlanDocument plan, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            SheetWriter writer = new SheetWriter(workbook);
            AboutSheet.write(workbook, plan, writer);
            SummarySheet.write(workbook, plan, writer);
            List<WrittenColumn> columns = AreaSheetLayout.columns(plan);
            AreaSheetWriter areas = new AreaSheetWriter(writer, columns);
            Set<String> taken = new HashSet<>(List.of(key(AboutSheet.NAME), key(SummarySheet.NAME)));
            for (int i = 0; i < plan.focusAreas().size(); i++) {
                FocusArea area = plan.focusAreas().get(i);
                areas.write(workbook, sheetName(area.name(), i + 1, taken), area);
            }
            workbook.write(out);
        }
    }

    /**
     * A legal sheet name from the area's name: no []:*?/\, at most 31 characters, unlike every other sheet's (a
     * spreadsheet compares them without case). The name itself is in the sheet, so shortening loses nothing.
     */
    static String sheetName(String areaName, int number, Set<String> taken) {
        String safe = WorkbookUtil.createSafeSheetName(areaName.strip(), ' ').strip();
        String name = safe.isEmpty() ? "Fokusområde " + number : safe;
        for (int copy = 2; taken.contains(key(name)); copy++) {
            String suffix = " (" + copy + ")";
            name = safe.substring(0, Math.min(safe.length(), SHEET_NAME_LENGTH - suffix.length())).strip() + suffix;
        }
        taken.add(key(name));
        return name;
    }

    private static String key(String sheetName) {
        return sheetName.toLowerCase(Locale.ROOT);
    }
}
