package se.trygghetsnav.plandocument.xlsx;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;

import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.MeasureKind;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.Column;
import se.trygghetsnav.plandocument.PlanDocument.ExtraColumn;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.PlanDocument.Goal;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;
import se.trygghetsnav.plandocument.PlanDocument.Recurrence;
import se.trygghetsnav.plandocument.PlanDocument.Responsible;
import se.trygghetsnav.plandocument.PlanDocument.Schedule;
import se.trygghetsnav.plandocument.RecurrenceUnit;
import se.trygghetsnav.plandocument.ScheduleType;
import se.trygghetsnav.plandocument.xlsx.ImportNote.Severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Workbooks typed by hand in the seeds' table shapes read as the plans a person sees in them. */
class XlsxPlanImportTest {

    /** Seed 000's shape: a table per problem under its title, no problem column, bullets, "KSK, BoU, KoF". */
    @Test
    void tablesTitledByTheLineAboveTheirHeaderAreProblemsOfTheAreaTheFirstLineNames() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Blad1")
                .row("Unga i riskzon.")
                .row("Barn och unga är vår framtid.")
                .row()
                .row("Indikatorer för fokusområdet.")
                .row("- Förbättrade skolresultat samt ökad skolnärvaro.")
                .row("- Ökat antal deltagande föräldrar i föräldrautbildningar.")
                .row()
                .row("Trygghet i skola")
                .row("Orsak", "Operativt mål", "Åtgärd", "Ansvarig för åtgärd", "Uppföljning")
                .row("Skolan är den vanligaste platsen för 15-åringar att bli utsatta för grovt våld.",
                        "• Elever ska känna sig trygga i skolan.", "• Öka vuxennärvaro där barn och unga finns.",
                        "KSK, BoU, KoF", "")
                .row()
                .row("Föräldraskapsstöd")
                .row("Orsak", "Operativt mål", "Åtgärd", "Ansvarig för åtgärd", "Uppföljning")
                .row("En del av problemen ligger inom ramen för föräldraansvaret.",
                        "• Stötta kommunens föräldrar.\n• Stärkt målgruppsanpassat föräldrastöd.",
                        "• Identifiera föräldragrupper med riktade behov.\n• Öka antalet utbildare.\n• SES: digitalt stöd\n"
                                + "• BIFF: för föräldrar i konflikt.",
                        "KSK\nKSK\nSocialförvaltning\nSocialförvaltning", "Genomfört 2024.")
                .row("", "", "• Utökat hemstödsprogram", "", "");

        XlsxImportResult read = XlsxPlanImport.read(workbook.stream(), "Brottsförebyggande åtgärdsplan 2024–2026", null, null);

        PlanDocument plan = read.plan();
        assertThat(plan.title()).isEqualTo("Brottsförebyggande åtgärdsplan 2024–2026");
        assertThat(plan.period()).isEqualTo(new PlanDocument.Period(2024, 2026));
        assertThat(plan.columns()).containsExactly(new Column(ColumnField.CAUSE, "Orsak"),
                new Column(ColumnField.GOAL, "Operativt mål"), new Column(ColumnField.MEASURE, "Åtgärd"),
                new Column(ColumnField.RESPONSIBLE, "Ansvarig för åtgärd"), new Column(ColumnField.EXTRA, "Uppföljning"));
        FocusArea area = plan.focusAreas().getFirst();
        assertThat(area.name()).isEqualTo("Unga i riskzon");
        assertThat(area.rationale()).isEqualTo("Barn och unga är vår framtid.");
        assertThat(area.indicators()).extracting(PlanDocument.Indicator::text).containsExactly(
                "Förbättrade skolresultat samt ökad skolnärvaro.", "Ökat antal deltagande föräldrar i föräldrautbildningar.");
        assertThat(area.problems()).extracting(Problem::title).containsExactly("Trygghet i skola", "Föräldraskapsstöd");

        Measure school = area.problems().getFirst().measures().getFirst();
        assertThat(school.title()).isEqualTo("Öka vuxennärvaro där barn och unga finns.");
        assertThat(school.responsible()).extracting(Responsible::unit).containsExactly("KSK", "BoU", "KoF");
        assertThat(school.responsibilityNote()).isNull();
        assertThat(school.extraColumns()).isEmpty();

        Problem parents = area.problems().get(1);
        assertThat(parents.goals()).extracting(Goal::text)
                .containsExactly("Stötta kommunens föräldrar.", "Stärkt målgruppsanpassat föräldrastöd.");
        assertThat(parents.measures()).extracting(Measure::title).containsExactly(
                "Identifiera föräldragrupper med riktade behov.", "Öka antalet utbildare.", "SES: digitalt stöd",
                "BIFF: för föräldrar i konflikt.", "Utökat hemstödsprogram");
        assertThat(parents.measures()).extracting(measure -> measure.responsible().getFirst().unit())
                .containsExactly("KSK", "KSK", "Socialförvaltning", "Socialförvaltning", "KSK");
        assertThat(parents.measures().getLast().responsible()).extracting(Responsible::unit)
                .as("the continuation row's blank cell is the whole cell above")
                .containsExactly("KSK", "KSK", "Socialförvaltning", "Socialförvaltning");
        assertThat(parents.measures()).allSatisfy(measure -> {
            assertThat(measure.causeIds()).containsExactly(parents.causes().getFirst().id());
            assertThat(measure.goalIds()).hasSize(2);
        });
        assertThat(parents.measures().getFirst().extraColumns()).containsExactly(new ExtraColumn("Uppföljning", "Genomfört 2024."));
        assertThat(read.notes()).anySatisfy(note -> assertThat(note).satisfies(n -> {
            assertThat(n.severity()).isEqualTo(Severity.INFO);
            assertThat(n.column()).isEqualTo("Uppföljning");
        }));
    }

    /** Seed 002's shape: OCR lost å/ä/ö and damaged letters; merged cells span the rows of one problem. */
    @Test
    void ocrDamagedHeadingsAndMergedCellsReadAsThePlanAPersonSees() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Sarskilt utsatta")
                .row("Problemomrade", "0rsak", "Atgérd", "Operativa mal", "Nar", "Vem")
                .row("Aldre", "Utsatthet for brott i hemmet", "Hemtjansten delar ut informationsmaterial.",
                        "Att na samtliga aldre", "Linjearbete", "Enhetschefer hemtjanst samt bestallare")
                .row("", "", "Traffpunkter sprider information.", "Att na ut till aldre", "Linjearbete",
                        "Enhetschef: forebyggande")
                .row("", "Bedragerier via telefon", "Information fran stadsdelen via sociala medier.", "", "1 gång/månaden, uppehåll juli",
                        "Enheter inom avdelningarna loF och SSO")
                .merge("A2:A4")
                .merge("B2:B3");

        XlsxImportResult read = XlsxPlanImport.read(workbook.stream(), "Atgardsplan 2025", null, null);

        assertThat(read.plan().columns()).extracting(Column::field).containsExactly(ColumnField.PROBLEM, ColumnField.CAUSE,
                ColumnField.MEASURE, ColumnField.GOAL, ColumnField.SCHEDULE, ColumnField.RESPONSIBLE);
        assertThat(read.plan().columns()).extracting(Column::heading)
                .containsExactly("Problemomrade", "0rsak", "Atgérd", "Operativa mal", "Nar", "Vem");
        FocusArea area = read.plan().focusAreas().getFirst();
        assertThat(area.name()).isEqualTo("Sarskilt utsatta");
        Problem elderly = only(area.problems());
        assertThat(elderly.title()).isEqualTo("Aldre");
        assertThat(elderly.causes()).extracting(PlanDocument.Cause::text)
                .containsExactly("Utsatthet for brott i hemmet", "Bedragerier via telefon");
        String sharedCause = elderly.causes().getFirst().id();
        assertThat(elderly.measures()).extracting(Measure::causeIds)
                .containsExactly(List.of(sharedCause), List.of(sharedCause), List.of(elderly.causes().get(1).id()));

        Measure first = elderly.measures().getFirst();
        assertThat(first.schedule()).isEqualTo(new Schedule(ScheduleType.CONTINUOUS, "Linjearbete", null, null, null, null));
        assertThat(first.kind()).isEqualTo(MeasureKind.ORDINARY_WORK);
        assertThat(first.responsible()).extracting(Responsible::unit)
                .containsExactly("Enhetschefer hemtjanst", "bestallare");
        assertThat(first.responsibilityNote()).as("a plain list of units says nothing more").isNull();
        assertThat(elderly.measures().get(1).responsible()).containsExactly(new Responsible("Enhetschef", "forebyggande"));
        Measure third = elderly.measures().get(2);
        assertThat(third.goalIds()).isEmpty();
        assertThat(third.schedule().recurrence()).isEqualTo(new Recurrence(1, RecurrenceUnit.MONTH, List.of(Month.JULY)));
        assertThat(third.responsible()).extracting(Responsible::unit)
                .containsExactly("Enheter inom avdelningarna loF", "SSO");

        assertThat(read.notes()).filteredOn(note -> note.severity() == Severity.INFO && "Atgérd".equals(note.column()))
                .singleElement().satisfies(note -> assertThat(note.message()).contains("Åtgärd"));
        assertThat(read.notes()).filteredOn(note -> note.severity() == Severity.DOUBTFUL)
                .anySatisfy(note -> {
                    assertThat(note.message()).contains("loF");
                    assertThat(note.sheet()).isEqualTo("Sarskilt utsatta");
                    assertThat(note.row()).isEqualTo(4);
                    assertThat(note.column()).isEqualTo("Vem");
                });
    }

    /** Seed 001's shape: the template's guidance row names the area; blank problem cells continue the row above. */
    @Test
    void aTemplatesGuidanceRowNamesTheAreaAndUnknownColumnsBecomeExtraColumns() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Flik 1")
                .row("Prioriterat samverkansområde", "Orsak", "Åtgärd", "När", "Vem", "Uppföljning", "Budget (kr)")
                .row("Otrygga och brottsutsatta platser", "Beskriv orsaken till problemet.", "Koppla åtgärd mot respektive orsak.",
                        "Ange tid för när åtgärden ska vara genomförd.", "Ange vem som ansvarar för åtgärden.",
                        "Beskriv vad som har genomförts.", "")
                .row("Klaraområdet", "Öppen drogscen och låg upplevd trygghet.", "Platssamverkan Klara",
                        "2 ggr/veckan, löpande", "Stadsdelsförvaltningen tillsammans med polisen.",
                        "Har träffats 11 gånger (uppehåll juli).", "25 000")
                .row("", "", "Styrgrupp Vision Klara", "en gång per termin", "", "", "")
                .row("Klaraområdet", "Öppen drogscen och låg upplevd trygghet.", "Fokusområde Klara", "Vid behov",
                        "Polisen (samordnar), Socialtjänsten: kallar", "", "")
                .row("Odenplan", "", "Platssamverkan Odenplan", "från och med 15/1 2024", "Polisen", "", "");

        XlsxImportResult read = XlsxPlanImport.read(workbook.stream(), null, 2024, null);

        PlanDocument plan = read.plan();
        assertThat(plan.title()).isEqualTo("Importerad åtgärdsplan");
        assertThat(plan.period()).isEqualTo(new PlanDocument.Period(2024, 2024));
        FocusArea area = only(plan.focusAreas());
        assertThat(area.name()).isEqualTo("Otrygga och brottsutsatta platser");
        assertThat(area.problems()).extracting(Problem::title).containsExactly("Klaraområdet", "Odenplan");
        Problem klara = area.problems().getFirst();
        assertThat(klara.causes()).as("the same text on several rows is one cause").hasSize(1);
        assertThat(klara.measures()).extracting(Measure::title)
                .containsExactly("Platssamverkan Klara", "Styrgrupp Vision Klara", "Fokusområde Klara");
        assertThat(klara.measures()).allSatisfy(measure -> assertThat(measure.causeIds()).containsExactly(klara.causes().getFirst().id()));

        Measure together = klara.measures().getFirst();
        assertThat(together.schedule().recurrence()).isEqualTo(new Recurrence(2, RecurrenceUnit.WEEK, List.of()));
        assertThat(together.responsible()).extracting(Responsible::unit).containsExactly("Stadsdelsförvaltningen", "polisen");
        assertThat(together.responsibilityNote()).isEqualTo("Stadsdelsförvaltningen tillsammans med polisen.");
        assertThat(together.extraColumns()).containsExactly(new ExtraColumn("Uppföljning", "Har träffats 11 gånger (uppehåll juli)."),
                new ExtraColumn("Budget (kr)", "25 000"));
        Measure continued = klara.measures().get(1);
        assertThat(continued.schedule().recurrence()).isEqualTo(new Recurrence(1, RecurrenceUnit.TERM, List.of()));
        assertThat(continued.responsible()).as("blank in a continuing row: as above").extracting(Responsible::unit)
                .containsExactly("Stadsdelsförvaltningen", "polisen");
        Measure roles = klara.measures().get(2);
        assertThat(roles.schedule()).isEqualTo(new Schedule(ScheduleType.CONTINUOUS, "Vid behov", null, null, null, null));
        assertThat(roles.responsible()).containsExactly(new Responsible("Polisen", "samordnar"),
                new Responsible("Socialtjänsten", "kallar"));
        Measure odenplan = only(area.problems().get(1).measures());
        assertThat(odenplan.schedule()).isEqualTo(new Schedule(ScheduleType.PERIOD, "från och med 15/1 2024", null,
                LocalDate.of(2024, 1, 15), null, null));
        assertThat(odenplan.kind()).isNull();

        assertThat(plan.columns()).contains(new Column(ColumnField.EXTRA, "Budget (kr)"));
        assertThat(read.notes()).filteredOn(note -> note.severity() == Severity.DOUBTFUL)
                .extracting(ImportNote::column, ImportNote::row)
                .contains(tuple("Budget (kr)", 1), tuple("När", 5),
                        tuple("Orsak", 6));
        assertThat(read.notes()).filteredOn(note -> note.severity() == Severity.DOUBTFUL && "Orsak".equals(note.column()))
                .singleElement().satisfies(note -> assertThat(note.message()).contains("Platssamverkan Odenplan", "ingen orsak"));
        assertThat(read.notes()).anySatisfy(note -> assertThat(note.message()).contains("vägledning"));
        assertThat(read.notes()).anySatisfy(note -> assertThat(note.message()).contains("titel"));
    }

    @Test
    void causesAndGoalsWithoutAMeasureAreKeptAndReported() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Trygghet")
                .row("Problemområde", "Orsak", "Operativt mål", "Åtgärd", "Ansvarig")
                .row("Centrum", "Mörka stråk", "Ökad trygghet\nIndikator: NTU\nMåldatum: 2026-12-31", "Belysning", "Samhällsbyggnad")
                .row("Centrum", "• Klotter\n• Nedskräpning", "", "", "");

        XlsxImportResult read = XlsxPlanImport.read(workbook.stream(), "Plan 2025", null, null);

        Problem centre = only(only(read.plan().focusAreas()).problems());
        assertThat(centre.causes()).extracting(PlanDocument.Cause::text).containsExactly("Mörka stråk", "Klotter", "Nedskräpning");
        assertThat(centre.goals()).containsExactly(new Goal(centre.goals().getFirst().id(), "Ökad trygghet", "NTU", null, null,
                LocalDate.of(2026, 12, 31)));
        assertThat(centre.measures()).singleElement().satisfies(measure -> assertThat(measure.causeIds()).hasSize(1));
        assertThat(read.notes()).filteredOn(note -> note.severity() == Severity.DOUBTFUL).extracting(ImportNote::message)
                .anySatisfy(message -> assertThat(message).contains("Klotter", "hör inte till någon åtgärd"))
                .anySatisfy(message -> assertThat(message).contains("Nedskräpning"));
    }

    @Test
    void aSummarySheetAndSheetsWithoutATableAreSkippedWithANote() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Inledning").row("Enligt lag (2023:196) ska kommunen besluta om en åtgärdsplan.");
        workbook.sheet("Kriminella miljöer").row("Problemområde", "Orsak", "Åtgärd", "Vem")
                .row("Kriminella livstilar", "Konstaterad kriminalitet", "Stark samverkan", "Barn och familj");
        workbook.sheet("Sammanställning 2025").row("Område", "Problem", "Orsaker", "Åtgärder")
                .row("Kriminella miljöer", "2", "2", "2");

        XlsxImportResult read = XlsxPlanImport.read(workbook.stream(), "Plan", 2025, 2026);

        assertThat(read.plan().focusAreas()).extracting(FocusArea::name).containsExactly("Kriminella miljöer");
        assertThat(read.notes()).anySatisfy(note -> {
            assertThat(note.sheet()).isEqualTo("Inledning");
            assertThat(note.severity()).isEqualTo(Severity.DOUBTFUL);
        });
        assertThat(read.notes()).anySatisfy(note -> {
            assertThat(note.sheet()).isEqualTo("Sammanställning 2025");
            assertThat(note.severity()).isEqualTo(Severity.INFO);
        });
    }

    private static <T> T only(List<T> elements) {
        assertThat(elements).hasSize(1);
        return elements.getFirst();
    }

    @Test
    void aFileThatIsNoWorkbookIsRefused() {
        assertThatThrownBy(() -> XlsxPlanImport.read(new ByteArrayInputStream("Orsak;Åtgärd\n".getBytes(StandardCharsets.UTF_8)),
                null, null, null))
                .isInstanceOfSatisfying(UnreadableWorkbookException.class,
                        unreadable -> assertThat(unreadable.problemKind()).isEqualTo("unreadable-workbook"));
        assertThatThrownBy(() -> XlsxPlanImport.read(new ByteArrayInputStream(new byte[0]), null, null, null))
                .isInstanceOfSatisfying(UnreadableWorkbookException.class,
                        unreadable -> assertThat(unreadable.problemKind()).isEqualTo("unreadable-workbook"));
    }

    @Test
    void aWorkbookWithoutAHeaderRowIsRefusedNamingItsSheets() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Budget").row("Post", "Belopp").row("Belysning", "25 000");

        assertThatThrownBy(() -> XlsxPlanImport.read(workbook.stream(), null, null, null))
                .isInstanceOfSatisfying(UnreadableWorkbookException.class, unreadable -> {
                    assertThat(unreadable.problemKind()).isEqualTo("workbook-without-plan-table");
                    assertThat(unreadable.arguments()).containsExactly("Budget");
                });
    }
}
