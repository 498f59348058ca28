package se.trygghetsnav.plandocument.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.MeasureKind;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocument.Cause;
import se.trygghetsnav.plandocument.PlanDocument.Column;
import se.trygghetsnav.plandocument.PlanDocument.ExtraColumn;
import se.trygghetsnav.plandocument.PlanDocument.FocusArea;
import se.trygghetsnav.plandocument.PlanDocument.Goal;
import se.trygghetsnav.plandocument.PlanDocument.Indicator;
import se.trygghetsnav.plandocument.PlanDocument.Measure;
import se.trygghetsnav.plandocument.PlanDocument.Problem;
import se.trygghetsnav.plandocument.PlanDocument.Recurrence;
import se.trygghetsnav.plandocument.PlanDocument.Responsible;
import se.trygghetsnav.plandocument.PlanDocument.Schedule;
import se.trygghetsnav.plandocument.PlanDocument.Unit;
import se.trygghetsnav.plandocument.RecurrenceUnit;
import se.trygghetsnav.plandocument.ScheduleType;
import se.trygghetsnav.plandocument.SeedPlans;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every seed plan written to a workbook reads back as the same plan: every field, from the schedules' structured
 * parts to the units' addresses, travels through visible cells only.
 */
class XlsxPlanRoundTripTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { SeedPlans.NORRTALJE_2024_2026, SeedPlans.STADSDEL_2024, SeedPlans.STADSDEL_2025 })
    void aSeedPlanWrittenToAWorkbookReadsBackAsTheSamePlan(String seed) throws IOException {
        String original = SeedPlans.json(seed);

        XlsxImportResult read = XlsxPlanImport.read(new ByteArrayInputStream(workbookOf(original)), null, null, null);

        JsonNode expected = SeedPlans.normalised(original);
        JsonNode actual = SeedPlans.normalised(JSON.writeValueAsString(read.plan()));
        assertThat(actual.get("focusAreas")).as("focus areas").isEqualTo(expected.get("focusAreas"));
        assertThat(actual).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { SeedPlans.NORRTALJE_2024_2026, SeedPlans.STADSDEL_2024, SeedPlans.STADSDEL_2025 })
    void aWorkbookReadBackWritesTheSameWorkbookAgain(String seed) throws IOException {
        byte[] first = workbookOf(SeedPlans.json(seed));
        PlanDocument read = XlsxPlanImport.read(new ByteArrayInputStream(first), null, null, null).plan();

        byte[] second = workbookOf(JSON.writeValueAsString(read));

        assertThat(XlsxPlanImport.read(new ByteArrayInputStream(second), null, null, null).plan()).isEqualTo(read);
    }

    /** A plan using every field, with texts that look like lists, units with commas and schedules of every kind. */
    @Test
    void aPlanUsingEveryFieldReadsBackAsTheSamePlan() throws IOException {
        LocalDate may = LocalDate.of(2025, 5, 31);
        Problem centre = new Problem("p1", "Centrum", "Stora torget", "Otryggt kvällstid.\n\nSärskilt fredagar.",
                List.of(new Cause("c1", "Mörka stråk"), new Cause("c4", "1. Numrerad orsak"),
                        new Cause("c2", "- Klotter, nedskräpning\n- skadegörelse"), new Cause("c3", "Ingen åtgärd ännu")),
                List.of(new Goal("g1", "Ökad trygghet", "NTU fråga 12", "40 %", "60 %", LocalDate.of(2026, 12, 31)),
                        new Goal("g2", "Färre skadegörelser", null, null, null, null), new Goal("g3", "Mål utan åtgärd", null, null, null, null)),
                List.of(new Measure("m1", "Belysning\npå två rader", "Byt armaturer.", "Trygga stråk", "Färre anmälningar",
                                MeasureKind.POINT_EFFORT, new Schedule(ScheduleType.PERIOD, null, null, null, may, null),
                                List.of(new Responsible("Avd stöd, service och omsorg", "beställer"), new Responsible("KSK", null)),
                                "SSO beställer, KSK följer upp", List.of("Polisen, LPO City", "Fastighetsägare"),
                                List.of("c1", "c4"), List.of("g1"), List.of("Antal bytta armaturer", "• Trygghetsmätning"),
                                List.of(new ExtraColumn("Uppföljning", "Klart i maj."), new ExtraColumn("Kostnad", "120 000 kr"))),
                        new Measure("m2", "Klottersanering", null, null, null, MeasureKind.ORDINARY_WORK,
                                new Schedule(ScheduleType.RECURRENCE, "Varje vecka", null, LocalDate.of(2025, 1, 1), null,
                                        new Recurrence(1, RecurrenceUnit.WEEK, List.of(Month.JULY))),
                                List.of(new Responsible("KSK", "Tolkning: ingen")), null, List.of(), List.of("c2", "c1"),
                                List.of("g2", "g1"), List.of(), List.of()),
                        new Measure("m3", "Trygghetsvandring", null, null, null, null,
                                new Schedule(ScheduleType.DUE_DATE, "Till sommaren\nTolkning: egen rad", may, null, null, null),
                                List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of())));
        Problem empty = new Problem("p2", "Stationen", null, null, List.of(), List.of(), List.of());
        PlanDocument plan = new PlanDocument(PlanDocument.FORMAT, "Åtgärdsplan 2025–2026", new PlanDocument.Period(2025, 2026),
                "Lag (2023:196)", "Inledning.\n\n- punkt ett\n- punkt två\n" + "x".repeat(40_000),
                List.of(new PlanDocument.Partner("Polisen", "org-polisen", "Samverkansöverenskommelse 2024")),
                new PlanDocument.Contact("Kim Samordnare", "kim@example.se", "070-123 45 67"),
                List.of(new Column(ColumnField.PROBLEM, "Plats"), new Column(ColumnField.MEASURE, "Åtgärd"),
                        new Column(ColumnField.CAUSE, "Orsak"), new Column(ColumnField.EXTRA, "Uppföljning")),
                List.of(new Unit("Avd stöd, service och omsorg", null, List.of("sso@example.se", "chef.sso@example.se"), "chef@example.se"),
                        new Unit("Kommunstyrelsekontoret", "KSK", List.of(), null)),
                List.of(new FocusArea("fa1", "Trygghet i offentlig miljö", "Den offentliga miljön påverkar tryggheten.",
                        List.of(new Indicator("- Minskad skadegörelse", "Polisens trygghetsundersökning", false),
                                new Indicator("Ökad trygghet", null, true), new Indicator("Antal vandringar", null, null)),
                        List.of(centre, empty)), new FocusArea("fa2", "Tomt område", null, List.of(), List.of())));
        String original = JSON.writeValueAsString(plan);

        XlsxImportResult read = XlsxPlanImport.read(new ByteArrayInputStream(workbookOf(original)), null, null, null);

        assertThat(SeedPlans.normalised(JSON.writeValueAsString(read.plan()))).isEqualTo(SeedPlans.normalised(original));
    }

    static byte[] workbookOf(String documentJson) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxPlanExport.write(JSON.readValue(documentJson, PlanDocument.class), out);
        return out.toByteArray();
    }
}
