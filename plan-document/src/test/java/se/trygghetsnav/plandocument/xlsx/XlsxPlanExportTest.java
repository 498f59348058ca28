package se.trygghetsnav.plandocument.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
import se.trygghetsnav.plandocument.PlanDocument.ExtraColumn;
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
    private static final String UPPFOLJNING = "Uppföljning";

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

    @Test
    void theMeasuresUppfoljningTextsFillTheUppfoljningColumnOfEachFocusAreaSheet() throws IOException {
        PlanDocument stadsdel = seed(SeedPlans.STADSDEL_2024);

        try (Workbook workbook = export(stadsdel)) {
            assertThat(stadsdel.focusAreas()).hasSize(3);
            for (int i = 0; i < stadsdel.focusAreas().size(); i++) {
                FocusArea area = stadsdel.focusAreas().get(i);
                assertThat(columnTexts(workbook.getSheetAt(2 + i), UPPFOLJNING)).as(area.name())
                        .isNotEmpty().isEqualTo(extraTexts(area, UPPFOLJNING));
            }
        }
    }

    @Test
    void aFollowUpRoundsTextsGoInThePlansOwnUppfoljningColumnOrInOneAddedAfterThePlansColumns() throws IOException {
        PlanDocument norrtalje = seed(SeedPlans.NORRTALJE_2024_2026);
        PlanDocument withoutColumn = seed(SeedPlans.STADSDEL_2025);
        assertThat(withoutColumn.columns()).extracting(Column::heading).doesNotContain(UPPFOLJNING);

        for (PlanDocument plan : List.of(norrtalje, withoutColumn)) {
            PlanDocument followedUp = plan.withMeasureTexts(UPPFOLJNING, measures(plan).stream()
                    .collect(Collectors.toMap(Measure::id, measure -> "Genomförd: " + measure.title())));

            try (Workbook workbook = export(followedUp)) {
                for (int i = 0; i < plan.focusAreas().size(); i++) {
                    FocusArea area = plan.focusAreas().get(i);
                    Sheet sheet = workbook.getSheetAt(2 + i);
                    List<String> expected = area.problems().stream().flatMap(problem -> problem.measures().stream())
                            .map(measure -> "Genomförd: " + measure.title()).toList();
                    assertThat(columnTexts(sheet, UPPFOLJNING)).as(area.name()).isEqualTo(expected);
                }
            }
        }
        try (Workbook workbook = export(withoutColumn.withMeasureTexts(UPPFOLJNING, Map.of()))) {
            Sheet sheet = workbook.getSheetAt(2);
            assertThat(texts(sheet, headerRow(sheet))).as("the added column follows the plan's own ones")
                    .containsSubsequence("Problemområde", "Orsak", "Åtgärd", "Operativa mål", "När", "Vem", UPPFOLJNING,
                            "Beskrivning av åtgärden")
                    .containsSequence("Vem", UPPFOLJNING);
        }
    }

    @Test
    void extraSheetsFollowTheFocusAreasInTheExportsStylesAndTheWorkbookStillReadsAsThePlan() throws IOException {
        PlanDocument plan = seed(SeedPlans.STADSDEL_2024);
        ExtraSheet indicators = new ExtraSheet("Indikatorer", (sheet, writer) -> {
            SheetWriter.widths(sheet, 40, 12);
            writer.headingRow(sheet, 0, "Indikatorer 2024");
            writer.header(sheet, 2, "Indikator", "Utfall");
            writer.tableRow(sheet, 3, "Andel som känner sig trygga", "61 %");
        });
        ExtraSheet summary = new ExtraSheet("Sammanfattning", (sheet, writer) -> writer.textRow(sheet, 0, "Årets uppföljning"));

        byte[] report = bytes(plan, List.of(indicators, summary));

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report))) {
            List<String> names = IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
            assertThat(names).hasSize(2 + plan.focusAreas().size() + 2).endsWith("Indikatorer", "Sammanfattning (2)");
            Sheet sheet = workbook.getSheet("Indikatorer");
            assertThat(texts(sheet, 3)).containsExactly("Andel som känner sig trygga", "61 %");
            assertThat(workbook.getFontAt(sheet.getRow(2).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getRow(3).getCell(0).getCellStyle().getWrapText()).isTrue();
        }
        XlsxImportResult read = XlsxPlanImport.read(new ByteArrayInputStream(report), null, null, null);
        assertThat(read.plan()).as("the extra sheets hold no plan data")
                .isEqualTo(XlsxPlanImport.read(new ByteArrayInputStream(bytes(plan, List.of())), null, null, null).plan());
        assertThat(read.notes()).anySatisfy(note -> assertThat(note.sheet()).isEqualTo("Indikatorer"));
    }

    private static Workbook export(PlanDocument plan) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes(plan, List.of())));
    }

    private static byte[] bytes(PlanDocument plan, List<ExtraSheet> extraSheets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxPlanExport.write(plan, out, extraSheets);
        return out.toByteArray();
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

    private static List<Measure> measures(PlanDocument plan) {
        return plan.focusAreas().stream().flatMap(area -> area.problems().stream())
                .flatMap(problem -> problem.measures().stream()).toList();
    }

    private static List<String> extraTexts(FocusArea area, String column) {
        return area.problems().stream().flatMap(problem -> problem.measures().stream())
                .flatMap(measure -> measure.extraColumns().stream()).filter(extra -> extra.name().equals(column))
                .map(ExtraColumn::value).toList();
    }

    /** The texts of the table's column with this heading, row by row below the header, blank cells left out. */
    private static List<String> columnTexts(Sheet sheet, String heading) {
        int header = headerRow(sheet);
        int column = texts(sheet, header).indexOf(heading);
        assertThat(column).as("column " + heading + " of " + sheet.getSheetName()).isNotNegative();
        List<String> texts = new ArrayList<>();
        for (int row = header + 1; row <= sheet.getLastRowNum(); row++) {
            Cell cell = sheet.getRow(row).getCell(column);
            if (cell != null && !cell.getStringCellValue().isEmpty()) {
                texts.add(cell.getStringCellValue());
            }
        }
        return texts;
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
