package se.trygghetsnav.followup.report;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.followup.testing.FollowupApi;
import se.trygghetsnav.followup.testing.PlanEventStream;
import se.trygghetsnav.followup.testing.TestClock;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.PlanDocumentEvents;
import se.trygghetsnav.plandocument.SeedPlans;
import se.trygghetsnav.plandocument.xlsx.XlsxImportResult;
import se.trygghetsnav.plandocument.xlsx.XlsxPlanImport;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The year-end report of issue 5, done when "the year-end export of seed 001's plan holds its follow-up texts in the
 * Uppföljning column": seed 001 is sent through plan.events as plan-service would send it, its year-end round is
 * reported with the seed's own follow-up texts, and the report is read back as a workbook and as JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class RoundReportIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @BeforeEach
    void endOfTheYear() {
        TestClock.setToday(LocalDate.of(2024, 12, 20));
    }

    @Test
    void theYearEndReportOfSeed001HoldsItsFollowUpTextsInTheUppfoljningColumn() throws Exception {
        String organisation = "org-" + UUID.randomUUID();
        String seedJson = SeedPlans.json(SeedPlans.STADSDEL_2024);
        PlanDocument seed = JSON.readValue(seedJson, PlanDocument.class);
        PlanDocumentEvents.Plan plan = publish(organisation, seed);
        FollowupApi coordinator = FollowupApi.as(port, organisation, Role.COORDINATOR);
        List<PlanDocument.Measure> measures = measures(seed);
        coordinator.awaitGet(body -> body.path("status").asString().equals("ADOPTED")
                && body.path("measures").size() == measures.size(), "/api/v1/plans/{id}/followup", plan.planId());

        String round = coordinator.http().post().uri("/api/v1/plans/{id}/rounds", plan.planId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "YEAR_END", "year", 2024, "dueDate", "2025-01-31")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody()
                .path("id").asString();
        // Every measure reported done with the seed's own year-end text; "Platssamverkan Klara" (1 gång/månaden) met 11 times.
        Map<String, String> seedTexts = new LinkedHashMap<>();
        UUID monthly = null;
        for (PlanDocument.Measure measure : measures) {
            String text = uppfoljning(measure);
            seedTexts.put(measure.id(), text);
            Map<String, Object> report = new LinkedHashMap<>(Map.of("status", "DONE", "narrative", text));
            if (measure.title().equals("Platssamverkan Klara")) {
                monthly = plan.id(measure.id());
                report.put("occurrencesHeld", 11);
            }
            coordinator.http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, plan.id(measure.id()))
                    .contentType(MediaType.APPLICATION_JSON).body(report).exchange().expectStatus().isCreated();
        }
        assertThat(monthly).isNotNull();

        // The workbook: plan-service's shape, read back as a plan by the importer, the texts in Uppföljning.
        byte[] workbook = coordinator.http().get().uri("/api/v1/rounds/{r}/report", round).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(XLSX)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .startsWith("attachment").contains(".xlsx"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        XlsxImportResult read = XlsxPlanImport.read(new ByteArrayInputStream(workbook), null, null, null);
        List<PlanDocument.Measure> exported = measures(read.plan());
        assertThat(exported).extracting(PlanDocument.Measure::title)
                .containsExactlyElementsOf(measures.stream().map(PlanDocument.Measure::title).toList());
        for (int i = 0; i < measures.size(); i++) {
            assertThat(uppfoljning(exported.get(i))).as(measures.get(i).title())
                    .startsWith("Genomförd. ").contains(seedTexts.get(measures.get(i).id()).strip());
        }
        try (Workbook sheets = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            assertThat(sheets.getSheet("Indikatorer")).isNotNull();
            assertThat(sheets.getSheet("Rapportstatus")).isNotNull();
        }
        assertThat(read.plan().focusAreas()).hasSize(seed.focusAreas().size());

        // JSON: the same document, the round's status per measure and the units' reporting.
        JsonNode json = coordinator.http().get().uri("/api/v1/rounds/{r}/report", round)
                .accept(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(json.path("kind").asString()).isEqualTo("YEAR_END");
        assertThat(json.path("measures").findValuesAsString("status")).hasSize(measures.size()).containsOnly("DONE");
        JsonNode monthlyStatus = json.path("measures").valueStream()
                .filter(measure -> measure.path("measureId").asString().equals(plan.id(measures.get(1).id()).toString()))
                .findFirst().orElseThrow();
        assertThat(monthlyStatus.path("followUpText").asString())
                .endsWith("Träffats 11 av " + monthlyStatus.path("occurrencesPlanned").asInt() + " planerade gånger.");
        assertThat(json.path("units").valueStream().map(unit -> unit.path("missing").size())).containsOnly(0);
        PlanDocument document = JSON.treeToValue(json.path("plan"), PlanDocument.class);
        Map<String, String> byExportedId = new LinkedHashMap<>();
        List<PlanDocument.Measure> documentMeasures = measures(document);
        for (int i = 0; i < measures.size(); i++) {
            assertThat(uppfoljning(documentMeasures.get(i))).contains(seedTexts.get(measures.get(i).id()).strip());
            byExportedId.put(documentMeasures.get(i).id(), seedTexts.get(measures.get(i).id()));
        }
        // Apart from the follow-up texts, the document is the seed plan itself: the projection kept all of it.
        assertThat(SeedPlans.normalised(JSON.writeValueAsString(document.withMeasureTexts("Uppföljning", byExportedId))))
                .isEqualTo(SeedPlans.normalised(seedJson));
    }

    @Test
    void aPlanWithoutAnUppfoljningColumnGetsOneAndAReaderMayReadTheReport() throws Exception {
        PlanEventStream stream = PlanEventStream.create("org-" + UUID.randomUUID(), "Plan utan uppföljningskolumn");
        UUID area = stream.focusArea("Trygghet", PlanEventStream.indicator("Andel trygga", "NTU", true));
        UUID problem = stream.problem(area, "Centrum");
        PlanEventStream.Unit ksk = PlanEventStream.Unit.named("Kommunstyrelsekontoret", "KSK");
        UUID done = stream.measure(PlanEventStream.MeasureSpec.dueOn(area, problem, "Belysning", LocalDate.of(2024, 9, 30), ksk)
                .withCriteria("Antal lampor"));
        stream.measure(PlanEventStream.MeasureSpec.dueOn(area, problem, "Trygghetsvandring", LocalDate.of(2024, 10, 30), ksk));
        stream.adopt(LocalDate.of(2024, 1, 20));
        FollowupApi coordinator = FollowupApi.as(port, stream.organisationId(), Role.COORDINATOR);
        coordinator.awaitGet(body -> body.path("status").asString().equals("ADOPTED"), "/api/v1/plans/{id}/followup",
                stream.planId());
        String round = coordinator.http().post().uri("/api/v1/plans/{id}/rounds", stream.planId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", "YEAR_END", "year", 2024, "dueDate", "2025-01-31")).exchange()
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
        coordinator.http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, done).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "DONE", "narrative", "Tolv nya lampor i gångtunneln",
                        "answers", List.of(Map.of("criterionIndex", 0, "number", 12))))
                .exchange().expectStatus().isCreated();
        coordinator.http().post().uri("/api/v1/plans/{id}/indicator-values", stream.planId())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("focusAreaId", area, "indicatorIndex", 0,
                        "value", 71.5, "unit", "%", "date", "2024-11-01", "source", "NTU"))
                .exchange().expectStatus().isCreated();

        FollowupApi reader = FollowupApi.as(port, stream.organisationId(), Role.READER);
        byte[] workbook = reader.http().get().uri("/api/v1/rounds/{r}/report", round).exchange().expectStatus().isOk()
                .expectBody(byte[].class).returnResult().getResponseBody();
        PlanDocument read = XlsxPlanImport.read(new ByteArrayInputStream(workbook), null, null, null).plan();
        assertThat(read.columns()).extracting(PlanDocument.Column::heading).endsWith("Uppföljning");
        assertThat(measures(read)).extracting(PlanDocument.Measure::title, PlanExtras::uppfoljningOrNull).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Belysning", "Genomförd. Tolv nya lampor i gångtunneln. Antal lampor: 12."),
                org.assertj.core.groups.Tuple.tuple("Trygghetsvandring", null));
        try (Workbook sheets = WorkbookFactory.create(new ByteArrayInputStream(workbook))) {
            List<String> indicatorCells = cells(sheets, "Indikatorer");
            assertThat(indicatorCells).contains("Andel trygga", "NTU", "71,5 % 2024-11-01 (NTU)");
            List<String> reportingCells = cells(sheets, "Rapportstatus");
            assertThat(reportingCells).contains("Kommunstyrelsekontoret", "Trygghetsvandring");
        }
    }

    private PlanDocumentEvents.Plan publish(String organisation, PlanDocument document) {
        PlanDocumentEvents.Plan plan = PlanDocumentEvents.adopted(organisation, document,
                Instant.parse("2024-02-01T08:00:00Z"), LocalDate.of(2024, 3, 1));
        for (PlanDocumentEvents.Event event : plan.events()) {
            assertThat(EventContracts.get().validate(event.type(), event.json())).as(event.type()).isEmpty();
            KafkaTestProducer.sendCloudEvent(PlanEventStream.TOPIC, event.eventId().toString(), event.type(), event.key(),
                    event.json());
        }
        return plan;
    }

    private static List<PlanDocument.Measure> measures(PlanDocument document) {
        return document.focusAreas().stream().flatMap(area -> area.problems().stream())
                .flatMap(problem -> problem.measures().stream()).toList();
    }

    private static String uppfoljning(PlanDocument.Measure measure) {
        String text = PlanExtras.uppfoljningOrNull(measure);
        assertThat(text).as("Uppföljning of " + measure.title()).isNotNull();
        return text;
    }

    private static List<String> cells(Workbook workbook, String sheet) {
        List<String> cells = new ArrayList<>();
        workbook.getSheet(sheet).forEach(row -> row.forEach(cell -> cells.add(cell.toString())));
        return cells;
    }

    private static final class PlanExtras {

        static String uppfoljningOrNull(PlanDocument.Measure measure) {
            return measure.extraColumns().stream().filter(extra -> extra.name().equals("Uppföljning"))
                    .map(PlanDocument.ExtraColumn::value).filter(value -> !value.isBlank()).findFirst().orElse(null);
        }
    }
}
