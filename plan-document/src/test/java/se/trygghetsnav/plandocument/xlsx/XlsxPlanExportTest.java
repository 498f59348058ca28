package se.trygghetsnav.plandocument.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.Cause;
import se.trygghetsnav.plandocument.PlanDocument.Column;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.PlanDocument.Goal;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;
import se.trygghetsnav.plandocument.PlanDocument.Responsible;
import se.trygghetsnav.plandocument.PlanDocument.Schedule;
import se.trygghetsnav.plandocument.ScheduleType;
import se.trygghetsnav.plandocument.SeedPlans;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbook a board gets: its sheets, each table in the plan's own columns, and the figures per focus area. */
class XlsxPlanExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void sheetsAreAboutThePlanItsSummaryAndOneLegallyNamedSheetPerFocusArea() throws IOException {
        PlanDocument plan = plan(List.of(new Column(ColumnField.MEASURE, "Åtgärd")),
                area("Välfärdsbrott, kriminell ekonomi och otillåten påverkan"),
                area("Välfärdsbrott, kriminell ekonomi och otillåten påverkan i skolan"),
                area("Trygghet: skola/fritid?"), area("Sammanfattning"));

        try (Workbook workbook = export(plan)) {
            List<String> names = IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();

            assertThat(names).containsExactly("Om planen", "Sammanfattning", "Välfärdsbrott, kriminell ekonom",
                    "Välfärdsbrott, kriminell ek (2)", "Trygghet  skola fritid", "Sammanfattning (2)");
            assertThat(names).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(31));
            assertThat(texts(workbook.getSheetAt(3), 0)).startsWith("Fokusområde",
                    "Välfärdsbrott, kriminell ekonomi och otillåten påverkan i skolan");
        }
    }

    @Test
    void theTableHasThePlansOwnColumnsInItsOrderAndAddsColumnsForWhatThePlanHoldsBeyondThem() throws IOException {
        try (Workbook stadsdel = export(seed(SeedPlans.STADSDEL_2024)); Workbook norrtalje = export(seed(SeedPlans.NORRTALJE_2024_2026))) {
            Sheet places = stadsdel.getSheet("Otrygga och brottsutsatta plats");
            int header = headerRow(places);

            assertThat(texts(places, header)).containsExactly("Prioriterat samverkansområde", "Platsens namn", "Orsak",
                    "Åtgärd", "När", "Vem", "Uppföljning", "Beskrivning av åtgärden", "Ansvarsbeskrivning");
            assertThat(places.getRow(header).getCell(0).getCellStyle().getFontIndex())
                    .satisfies(font -> assertThat(stadsdel.getFontAt(font).getBold()).isTrue());
            assertThat(places.getPaneInformation().isFreezePane()).isTrue();
            assertThat(places.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));
            assertThat(texts(norrtalje.getSheet("Unga i riskzon"), headerRow(norrtalje.getSheet("Unga i riskzon"))))
                    .as("a plan without a problem column gets one first").containsExactly("Problemområde", "Orsak",
                            "Operativt mål", "Åtgärd", "Ansvarig för åtgärd", "Uppföljning", "Ansvarsbeskrivning",
                            "Samverkanspartner");
        }
    }

    @Test
    void aRowPerMeasureCarriesItsCausesUnitsAndScheduleAndWhatItsWordsMean() throws IOException {
        try (Workbook workbook = export(seed(SeedPlans.STADSDEL_2024))) {
            Sheet places = workbook.getSheet("Otrygga och brottsutsatta plats");
            int header = headerRow(places);
            List<String> steeringGroup = texts(places, header + 1);

            assertThat(steeringGroup.get(0)).isEqualTo("Klaraområdet");
            assertThat(steeringGroup.get(3)).isEqualTo("Styrgrupp Vision Klara");
            assertThat(steeringGroup.get(4)).as("the words say Löpande, the plan means once a term")
                    .isEqualTo("Löpande\nTolkning: 1 gång per termin");
            assertThat(steeringGroup.get(5)).isEqualTo("Stadsdelsförvaltningen, Polisen");
            assertThat(texts(places, header + 2).get(4)).isEqualTo("1 gång/månaden löpande");
            assertThat(places.getMergedRegions()).as("Klaraområdet's four measures share its problem and cause cells")
                    .contains(new CellRangeAddress(header + 1, header + 4, 0, 0), new CellRangeAddress(header + 1, header + 4, 2, 2));

            Sheet victims = workbook.getSheet("Särskilt utsatta och sårbara br");
            assertThat(texts(victims, headerRow(victims) + 2).get(5)).isEqualTo(
                    "Polisen (Polisen har ett ansvar att motivera våldsutövaren till samtal med socialsekreterare), "
                            + "Socialtjänsten (socialsekreterare har ett ansvar att vara tillgänglig samt genomföra motiverande samtal.)");
        }
    }

    @Test
    void causesAndGoalsNoMeasureAddressesGetARowOfTheirOwnAndSeveralItemsAreBulleted() throws IOException {
        Problem problem = new Problem("p1", "Centrum", null, null,
                List.of(new Cause("c1", "Mörka stråk"), new Cause("c2", "Klotter"), new Cause("c3", "Nedskräpning")),
                List.of(new Goal("g1", "Ökad trygghet", "NTU", null, null, null)),
                List.of(measure("m1", List.of("c1", "c2"), List.of("g1"))));
        PlanDocument plan = plan(List.of(new Column(ColumnField.PROBLEM, "Problemområde"), new Column(ColumnField.CAUSE, "Orsak"),
                new Column(ColumnField.GOAL, "Mål"), new Column(ColumnField.MEASURE, "Åtgärd")),
                new FocusArea("fa1", "Trygghet", null, List.of(), List.of(problem)));

        try (Workbook workbook = export(plan)) {
            Sheet sheet = workbook.getSheet("Trygghet");
            int header = headerRow(sheet);

            assertThat(texts(sheet, header + 1)).containsExactly("Centrum", "• Mörka stråk\n• Klotter",
                    "• Ökad trygghet\nIndikator: NTU", "Belysning", "Löpande", "Samhällsbyggnad");
            assertThat(texts(sheet, header + 2)).as("the problem cell is merged over both rows")
                    .containsExactly("", "Nedskräpning", "", "", "", "");
            assertThat(sheet.getMergedRegions()).contains(new CellRangeAddress(header + 1, header + 2, 0, 0));
        }
    }

    @Test
    void theSummaryCountsEveryFocusAreaAndTheWholePlan() throws IOException {
        try (Workbook workbook = export(seed(SeedPlans.NORRTALJE_2024_2026))) {
            Sheet summary = workbook.getSheet("Sammanfattning");
            int header = headerRow(summary);

            assertThat(texts(summary, header)).containsExactly("Fokusområde", "Antal problemområden", "Antal orsaker",
                    "Antal operativa mål", "Antal åtgärder");
            assertThat(texts(summary, header + 1)).containsExactly("Unga i riskzon", "7", "13", "15", "26");
            assertThat(texts(summary, header + 4)).containsExactly("Välfärdsbrott, kriminell ekonomi och otillåten påverkan",
                    "5", "6", "6", "12");
            assertThat(texts(summary, header + 5)).containsExactly("Totalt", "29", "39", "46", "95");
        }
    }

    private static Workbook export(PlanDocument plan) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxPlanExport.write(plan, out);
        return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
    }

    private static PlanDocument seed(String resource) {
        return JSON.readValue(SeedPlans.json(resource), PlanDocument.class);
    }

    private static PlanDocument plan(List<Column> columns, FocusArea... areas) {
        return new PlanDocument(PlanDocument.FORMAT, "Åtgärdsplan 2025", new PlanDocument.Period(2025, 2025), null, null,
                List.of(), null, columns, List.of(new PlanDocument.Unit("Samhällsbyggnad", null, List.of(), null)),
                List.of(areas));
    }

    private static FocusArea area(String name) {
        return new FocusArea(name, name, null, List.of(), List.of(new Problem(name + "-p1", "Centrum", null, null, List.of(),
                List.of(), List.of(measure(name + "-m1", List.of(), List.of())))));
    }

    private static Measure measure(String id, List<String> causeIds, List<String> goalIds) {
        return new Measure(id, "Belysning", null, null, null, null,
                new Schedule(ScheduleType.CONTINUOUS, "Löpande", null, null, null, null),
                List.of(new Responsible("Samhällsbyggnad", null)), null, List.of(), causeIds, goalIds, List.of(), List.of());
    }

    /** The first row in bold, grey header style whose first cell is not a label: the table's header. */
    private static int headerRow(Sheet sheet) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellStyle().getFillPattern() != FillPatternType.NO_FILL
                    && row.getLastCellNum() > 3) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("No header row in " + sheet.getSheetName());
    }

    /** The row's cells as text from column A to its last cell, blank ones as "", numbers without decimals. */
    private static List<String> texts(Sheet sheet, int rowIndex) {
        Row row = sheet.getRow(rowIndex);
        List<String> texts = new ArrayList<>();
        for (int column = 0; column < row.getLastCellNum(); column++) {
            Cell cell = row.getCell(column);
            texts.add(cell == null ? "" : cell.getCellType() == CellType.NUMERIC
                    ? String.valueOf((int) cell.getNumericCellValue()) : cell.getStringCellValue());
        }
        return texts;
    }
}
