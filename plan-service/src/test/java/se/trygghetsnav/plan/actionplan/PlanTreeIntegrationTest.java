package se.trygghetsnav.plan.actionplan;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** Changing and removing at every level of the tree, with the events each change announces. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class PlanTreeIntegrationTest {

    private static final String PLAN = "se.trygghetsnav.plan.";

    @LocalServerPort
    int port;

    RestTestClient http;
    UUID unit;
    UUID plan;
    PlanApiCalls.ProblemRef problem;

    @BeforeEach
    void aPlanWithOneOfEverything() {
        http = PlanApiCalls.as(port, "org-" + UUID.randomUUID(), Role.COORDINATOR);
        unit = PlanApiCalls.registerUnit(http, "Socialförvaltningen", "SOC", "soc@example.se");
        plan = PlanApiCalls.startPlan(http, "Åtgärdsplan 2025");
        problem = PlanApiCalls.addProblem(http, plan);
    }

    @Test
    void everyLevelChangesAndEveryChangeIsOneContractConformingEventInOrder() {
        UUID measure = PlanApiCalls.addMeasure(http, plan, problem, "Föräldraskapsstöd", "2025-12-31", unit);

        put("/focus-areas/" + problem.focusAreaId(), Map.of("name", "Unga i riskzon för destruktivt beteende",
                "indicators", List.of(Map.of("text", "Ökad skolnärvaro", "dataSource", "Skolverket", "higherIsBetter", true))))
                .jsonPath("$.indicators[0].dataSource").isEqualTo("Skolverket");
        put("/problems/" + problem.problemId(), Map.of("title", "Skolan", "placeName", "Norrtälje centrum"))
                .jsonPath("$.placeName").isEqualTo("Norrtälje centrum");
        put("/causes/" + problem.causeId(), Map.of("text", "Få vuxna i skolans miljöer"))
                .jsonPath("$.text").isEqualTo("Få vuxna i skolans miljöer");
        put("/goals/" + problem.goalId(), Map.of("text", "Fler elever känner sig trygga", "indicator", "Andel trygga elever",
                "baseline", "78 %", "targetValue", "85 %", "targetDate", "2026-06-30"))
                .jsonPath("$.targetValue").isEqualTo("85 %");
        put("/measures/" + measure, Map.ofEntries(Map.entry("title", "Föräldraskapsstöd i grupp"),
                Map.entry("kind", "ORDINARY_WORK"), Map.entry("purpose", "Stärka föräldrar"),
                Map.entry("expectedResult", "Fler föräldrar deltar"),
                Map.entry("schedule", Map.of("type", "RECURRENCE", "text", "1 gång/månaden, uppehåll juli",
                        "recurrence", Map.of("times", 1, "per", "MONTH", "exceptMonths", List.of("JULY")))),
                Map.entry("responsible", List.of(Map.of("unitId", unit, "role", "ansvarig för gruppledarna"))),
                Map.entry("partners", List.of("Polisen")), Map.entry("causeIds", List.of(problem.causeId())),
                Map.entry("goalIds", List.of(problem.goalId())),
                Map.entry("followUpCriteria", List.of("Antal deltagande föräldrar")),
                Map.entry("extraColumns", List.of(Map.of("name", "Kostnad", "value", "Inom ram")))))
                .jsonPath("$.schedule.recurrence.exceptMonths[0]").isEqualTo("JULY")
                .jsonPath("$.responsibleUnits[0].role").isEqualTo("ansvarig för gruppledarna")
                .jsonPath("$.extraColumns[0].name").isEqualTo("Kostnad");

        List<ConsumerRecord<String, byte[]>> events = eventsOfPlan(11);
        assertThat(events).extracting(record -> KafkaTopicReader.header(record, "ce_type")).containsExactly(
                PLAN + "plan-created.v1", PLAN + "focus-area-added.v1", PLAN + "problem-added.v1", PLAN + "cause-added.v1",
                PLAN + "goal-added.v1", PLAN + "measure-added.v1", PLAN + "focus-area-changed.v1",
                PLAN + "problem-changed.v1", PLAN + "cause-changed.v1", PLAN + "goal-changed.v1", PLAN + "measure-changed.v1");
        String measureChanged = new String(events.get(10).value(), StandardCharsets.UTF_8);
        assertThat(measureChanged).doesNotContain(":null").contains("soc@example.se").contains("\"role\":\"ansvarig för gruppledarna\"");
    }

    @Test
    void removingACauseUnlinksItsMeasuresFirstAndRemovingAProblemAnnouncesWhatGoesWithIt() {
        UUID measure = PlanApiCalls.addMeasure(http, plan, problem, "Skolvärdar", "2025-12-31", unit);

        http.delete().uri("/api/v1/plans/{p}/causes/{c}", plan, problem.causeId()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.focusAreas[0].problems[0].measures[0].causeIds.length()").isEqualTo(0);
        http.delete().uri("/api/v1/plans/{p}/problems/{id}", plan, problem.problemId()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.focusAreas[0].problems.length()").isEqualTo(0);
        http.get().uri("/api/v1/plans/{p}/measures/{m}", plan, measure).exchange().expectStatus().isNotFound();

        List<ConsumerRecord<String, byte[]>> events = eventsOfPlan(11);
        assertThat(events.subList(6, 11)).extracting(record -> KafkaTopicReader.header(record, "ce_type")).containsExactly(
                PLAN + "measure-changed.v1", PLAN + "cause-removed.v1", PLAN + "measure-removed.v1",
                PLAN + "goal-removed.v1", PLAN + "problem-removed.v1");
    }

    @Test
    void aScheduleThatContradictsItsTypeIsRefusedNamingTheField() {
        http.post().uri("/api/v1/plans/{p}/problems/{id}/measures", plan, problem.problemId())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Åtgärd", "schedule", Map.of("type", "DUE_DATE", "startDate", "2025-01-01")))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("schedule.consistent")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("DUE_DATE needs dueDate"));
    }

    @Test
    void aMeasureCannotLinkToACauseOfAnotherProblem() {
        UUID otherProblem = UUID.fromString((String) http.post().uri("/api/v1/plans/{p}/focus-areas/{fa}/problems", plan,
                        problem.focusAreaId()).contentType(MediaType.APPLICATION_JSON).body(Map.of("title", "Centrum"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id"));

        http.post().uri("/api/v1/plans/{p}/problems/{id}/measures", plan, otherProblem).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Åtgärd", "causeIds", List.of(problem.causeId())))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/unknown-link")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(problem.causeId().toString()));
    }

    @Test
    void measuresAreListedByUnitDueWindowAndKind() {
        UUID other = PlanApiCalls.registerUnit(http, "Kultur och fritid", "KoF", "kof@example.se");
        PlanApiCalls.addMeasure(http, plan, problem, "Tidig", "2025-03-31", unit);
        PlanApiCalls.addMeasure(http, plan, problem, "Sen", "2025-11-30", unit);
        PlanApiCalls.addMeasure(http, plan, problem, "Annan enhet", "2025-04-30", other);

        http.get().uri("/api/v1/measures?unitId={u}", unit).exchange().expectBody()
                .jsonPath("$.content[*].title").isEqualTo(List.of("Tidig", "Sen"));
        http.get().uri("/api/v1/measures?dueFrom=2025-04-01&dueTo=2025-12-31").exchange().expectBody()
                .jsonPath("$.content[*].title").isEqualTo(List.of("Annan enhet", "Sen"));
        http.get().uri("/api/v1/plans/{p}/measures?kind=POINT_EFFORT", plan).exchange().expectBody()
                .jsonPath("$.totalElements").isEqualTo(0);
        http.get().uri("/api/v1/plans/{p}/summary", plan).exchange().expectBody()
                .jsonPath("$.focusAreas[0].measures").isEqualTo(3)
                .jsonPath("$.responsibleUnits[?(@.unitId == '" + unit + "')].measures").isEqualTo(List.of(2))
                .jsonPath("$.responsibleUnits[?(@.unitId == '" + unit + "')].byKind.UNSPECIFIED").isEqualTo(List.of(2));
    }

    private RestTestClient.BodyContentSpec put(String path, Object body) {
        return http.put().uri("/api/v1/plans/" + plan + path).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isOk().expectBody();
    }

    private List<ConsumerRecord<String, byte[]>> eventsOfPlan(int count) {
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("plan.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(record -> plan.toString().equals(record.key()), count,
                    Duration.ofSeconds(20));
            for (ConsumerRecord<String, byte[]> event : events) {
                String type = KafkaTopicReader.header(event, "ce_type");
                assertThat(EventContracts.get().validate(type, new String(event.value(), StandardCharsets.UTF_8))).as(type).isEmpty();
            }
            return events;
        }
    }
}
