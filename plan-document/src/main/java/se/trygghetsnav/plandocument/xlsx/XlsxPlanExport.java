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
 *
 * <p>A caller that reports on the plan adds to it without writing the plan's tables again: what a measure's
 * {@link PlanDocument.Measure#extraColumns() extra columns} hold fills the column of that name (the plan's own, e.g.
 * "Uppföljning", else one added after the plan's columns), and {@link ExtraSheet}s follow the focus areas' sheets.
 */
public final class XlsxPlanExport {

    /** The longest name a sheet may have. */
    private static final int SHEET_NAME_LENGTH = 31;

    private XlsxPlanExport() {
    }

    public static void write(PlanDocument plan, OutputStream out) throws IOException {
        write(plan, out, List.of());
    }

    /** The plan's workbook with the caller's sheets after the focus areas' ones, in their order. */
    public static void write(PlanDocument plan, OutputStream out, List<ExtraSheet> extraSheets) throws IOException {
        try (XSSFWorkbook workbook = workbook(plan, extraSheets)) {
            workbook.write(out);
        }
    }

    /**
     * The workbook {@link #write(PlanDocument, OutputStream, List)} writes, for a caller that does more with it
     * before writing it (orders its sheets, sets its properties). The caller closes it.
     */
    public static XSSFWorkbook workbook(PlanDocument plan, List<ExtraSheet> extraSheets) {
        XSSFWorkbook workbook = new XSSFWorkbook();
        try {
            SheetWriter writer = new SheetWriter(workbook);
            AboutSheet.write(workbook, plan, writer);
            SummarySheet.write(workbook, plan, writer);
            List<WrittenColumn> columns = AreaSheetLayout.columns(plan);
            AreaSheetWriter areas = new AreaSheetWriter(writer, columns);
            Set<String> taken = new HashSet<>(List.of(key(AboutSheet.NAME), key(SummarySheet.NAME)));
            for (int i = 0; i < plan.focusAreas().size(); i++) {
                FocusArea area = plan.focusAreas().get(i);
                areas.write(workbook, sheetName(area.name(), "Fokusområde " + (i + 1), taken), area);
            }
            for (int i = 0; i < extraSheets.size(); i++) {
                ExtraSheet extra = extraSheets.get(i);
                extra.content().accept(workbook.createSheet(sheetName(extra.name(), "Blad " + (i + 1), taken)), writer);
            }
            return workbook;
        }
        catch (RuntimeException failed) {
            try {
                workbook.close();
            }
            catch (IOException closing) {
                failed.addSuppressed(closing);
            }
            throw failed;
        }
    }

    /**
     * A legal sheet name from the wanted one (an area's name): no []:*?/\, at most 31 characters, unlike every
     * other sheet's (a spreadsheet compares them without case); {@code fallback} when nothing of it is left. An
     * area's name itself is in its sheet, so shortening loses nothing.
     */
    static String sheetName(String wanted, String fallback, Set<String> taken) {
        String safe = WorkbookUtil.createSafeSheetName(wanted.strip(), ' ').strip();
        if (safe.isEmpty()) {
            safe = fallback;
        }
        String name = safe;
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
