package se.trygghetsnav.plandocument.xlsx;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;

/**
 * "Sammanfattning": per focus area how many problems, causes, goals and measures it has, and the total, as the
 * summary of seed 002 counts them. The import skips it (and any "Sammanställning …" sheet): it holds no plan data.
 */
final class SummarySheet {

    static final String NAME = "Sammanfattning";

    private static final String[] HEADINGS = { "Fokusområde", "Antal problemområden", "Antal orsaker",
        "Antal operativa mål", "Antal åtgärder" };
    private static final String TOTAL = "Totalt";

    private SummarySheet() {
    }

    static boolean isSummarySheet(String sheetName) {
        String key = Texts.key(sheetName);
        return key.startsWith("sammanfattning") || key.startsWith("sammanstallning");
    }

    static void write(Workbook workbook, PlanDocument plan, SheetWriter writer) {
        Sheet sheet = workbook.createSheet(NAME);
        SheetWriter.widths(sheet, 50, 16, 16, 16, 16);
        writer.headingRow(sheet, 0, "Sammanfattning av " + plan.title());
        writer.header(sheet, 2, HEADINGS);
        sheet.createFreezePane(0, 3);
        int row = 3;
        int[] total = new int[4];
        for (FocusArea area : plan.focusAreas()) {
            int[] counts = counts(area);
            writer.countRow(sheet, row++, false, area.name(), counts);
            for (int i = 0; i < total.length; i++) {
                total[i] += counts[i];
            }
        }
        writer.countRow(sheet, row, true, TOTAL, total);
    }

    private static int[] counts(FocusArea area) {
        return new int[] { area.problems().size(), area.problems().stream().mapToInt(p -> p.causes().size()).sum(),
            area.problems().stream().mapToInt(p -> p.goals().size()).sum(),
            area.problems().stream().mapToInt(p -> p.measures().size()).sum() };
    }
}
