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

/** Readiness, adoption, revisions, copies and setting plans aside, through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class PlanLifecycleIntegrationTest {

    private static final Map<String, Object> DECISION = Map.of("decidingBody", "Kommunstyrelsen",
            "decisionDate", "2024-03-12", "reference", "KS 2024/118 § 42");

    @LocalServerPort
    int port;

    RestTestClient http;
    UUID unit;

    @BeforeEach
    void setUp() {
        http = PlanApiCalls.as(port, "org-" + UUID.randomUUID(), Role.COORDINATOR);
        unit = PlanApiCalls.registerUnit(http, "Kommunstyrelsekontoret", "KSK", "ksk@example.se");
    }

    @Test
    void adoptionOfAPlanWithAnUnlinkedMeasureIsRefusedWithThePathOfEachViolation() {
        UUID plan = PlanApiCalls.startPlan(http, "Åtgärdsplan 2024–2026");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);
        UUID measure = post("/api/v1/plans/" + plan + "/problems/" + problem.problemId() + "/measures",
                Map.of("title", "Öka vuxennärvaro där barn och unga finns.",
                        "schedule", Map.of("type", "CONTINUOUS", "text", "Löpande"),
                        "responsible", List.of(Map.of("unitId", unit))));

        http.get().uri("/api/v1/plans/{id}/readiness", plan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.ready").isEqualTo(false)
                .jsonPath("$.violations.length()").isEqualTo(2)
                .jsonPath("$.violations[0].rule").isEqualTo("measure-without-cause")
                .jsonPath("$.violations[0].path").isEqualTo("focusAreas[0].problems[0].measures[0]")
                .jsonPath("$.violations[0].location").isEqualTo("Unga i riskzon › Trygghet i skola › Öka vuxennärvaro där barn och unga finns.")
                .jsonPath("$.violations[0].elementId").isEqualTo(measure.toString())
                .jsonPath("$.violations[1].rule").isEqualTo("goal-without-measure")
                .jsonPath("$.violations[1].path").isEqualTo("focusAreas[0].problems[0].goals[0]");
        http.post().uri("/api/v1/plans/{id}/adoption", plan).contentType(MediaType.APPLICATION_JSON).body(DECISION)
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/plan-not-ready")
                .jsonPath("$.violations[0].path").isEqualTo("focusAreas[0].problems[0].measures[0]")
                .jsonPath("$.violations[1].path").isEqualTo("focusAreas[0].problems[0].goals[0]");
        http.get().uri("/api/v1/plans/{id}", plan).exchange().expectBody().jsonPath("$.status").isEqualTo("DRAFT");
    }

    @Test
    void everyReadinessRuleIsReported() {
        UUID plan = PlanApiCalls.startPlan(http, "Ofärdig plan");
        UUID area = post("/api/v1/plans/" + plan + "/focus-areas", Map.of("name", "Trygghet i offentlig miljö"));
        UUID problem = post("/api/v1/plans/" + plan + "/focus-areas/" + area + "/problems", Map.of("title", "Centrum"));
        post("/api/v1/plans/" + plan + "/problems/" + problem + "/measures", Map.of("title", "Belysning"));

        http.get().uri("/api/v1/plans/{id}/readiness", plan).exchange()
                .expectBody()
                .jsonPath("$.violations[*].rule").isEqualTo(List.of("problem-without-cause", "measure-without-cause",
                        "measure-without-responsible-unit", "measure-without-schedule"));
    }

    @Test
    void anAdoptedPlanIsImmutableAndARevisionSupersedesItWhenAdopted() {
        UUID plan = PlanApiCalls.startPlan(http, "Åtgärdsplan 2024–2026");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);
        UUID measure = PlanApiCalls.addMeasure(http, plan, problem, "Trygghetsvandringar", "2024-10-31", unit);

        http.post().uri("/api/v1/plans/{id}/adoption", plan).contentType(MediaType.APPLICATION_JSON).body(DECISION)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ADOPTED")
                .jsonPath("$.adoption.decidingBody").isEqualTo("Kommunstyrelsen")
                .jsonPath("$.adoption.reference").isEqualTo("KS 2024/118 § 42")
                .jsonPath("$.adoptedAt").exists();
        http.put().uri("/api/v1/plans/{id}/measures/{m}", plan, measure).contentType(MediaType.APPLICATION_JSON)
                .body(PlanApiCalls.measureBody(problem, "Ändrad efter beslut", "2024-11-30", unit))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/plan-not-draft");

        UUID revision = idOf(http.post().uri("/api/v1/plans/{id}/revisions", plan).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        http.get().uri("/api/v1/plans/{id}", revision).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DRAFT")
                .jsonPath("$.revision").isEqualTo(2)
                .jsonPath("$.previousRevisionId").isEqualTo(plan.toString())
                .jsonPath("$.focusAreas[0].problems[0].measures[0].id").isEqualTo(measure.toString());
        http.post().uri("/api/v1/plans/{id}/revisions", plan).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/revision-draft-exists");
        http.put().uri("/api/v1/plans/{id}/measures/{m}", revision, measure).contentType(MediaType.APPLICATION_JSON)
                .body(PlanApiCalls.measureBody(problem, "Trygghetsvandringar varje termin", "2025-06-30", unit))
                .exchange().expectStatus().isOk();
        http.post().uri("/api/v1/plans/{id}/adoption", revision).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decidingBody", "Kommunstyrelsen", "decisionDate", "2025-03-11")).exchange()
                .expectStatus().isOk();

        http.get().uri("/api/v1/plans/{id}", plan).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("SUPERSEDED")
                .jsonPath("$.supersededByPlanId").isEqualTo(revision.toString())
                .jsonPath("$.focusAreas[0].problems[0].measures[0].title").isEqualTo("Trygghetsvandringar");
        http.get().uri("/api/v1/plans/{id}/revisions", revision).exchange()
                .expectBody()
                .jsonPath("$[*].revision").isEqualTo(List.of(1, 2))
                .jsonPath("$[*].status").isEqualTo(List.of("SUPERSEDED", "ADOPTED"));

        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("plan.events")) {
            List<ConsumerRecord<String, byte[]>> lifecycle = reader.await(record ->
                    (plan.toString().equals(record.key()) || revision.toString().equals(record.key()))
                            && KafkaTopicReader.header(record, "ce_type").matches(".*plan-(adopted|revised|archived).*"),
                    4, Duration.ofSeconds(20));
            assertThat(lifecycle).extracting(record -> KafkaTopicReader.header(record, "ce_type")).containsExactlyInAnyOrder(
                    "se.trygghetsnav.plan.plan-adopted.v1", "se.trygghetsnav.plan.plan-revised.v1",
                    "se.trygghetsnav.plan.plan-adopted.v1", "se.trygghetsnav.plan.plan-archived.v1");
            lifecycle.forEach(PlanLifecycleIntegrationTest::assertConformsToContract);
            assertThat(lifecycle).map(record -> new String(record.value(), StandardCharsets.UTF_8))
                    .anySatisfy(json -> assertThat(json).contains("\"reason\":\"SUPERSEDED\"")
                            .contains("\"supersededByPlanId\":\"" + revision + "\""));
        }
    }

    @Test
    void aPlanIsCopiedToTheNextPeriodWithNewIdsAndTheSameContent() {
        UUID plan = PlanApiCalls.startPlan(http, "Åtgärdsplan 2024–2026");
        PlanApiCalls.ProblemRef problem = PlanApiCalls.addProblem(http, plan);
        UUID measure = PlanApiCalls.addMeasure(http, plan, problem, "Föräldravandringar", "2026-05-31", unit);

        Map<?, ?> copy = http.post().uri("/api/v1/plans/{id}/copies", plan).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(copy.get("copiedFromPlanId")).isEqualTo(plan.toString());
        assertThat(copy.get("period")).isEqualTo(Map.of("startYear", 2027, "endYear", 2029));
        assertThat(copy.get("status")).isEqualTo("DRAFT");
        Map<?, ?> copiedMeasure = firstMeasure(copy);
        assertThat(copiedMeasure.get("title")).isEqualTo("Föräldravandringar");
        assertThat(copiedMeasure.get("id")).isNotEqualTo(measure.toString());
        Map<?, ?> copiedProblem = (Map<?, ?>) ((List<?>) ((Map<?, ?>) ((List<?>) copy.get("focusAreas")).get(0)).get("problems")).get(0);
        String copiedCause = (String) ((Map<?, ?>) ((List<?>) copiedProblem.get("causes")).get(0)).get("id");
        assertThat(copiedCause).isNotEqualTo(problem.causeId().toString());
        assertThat(copiedMeasure.get("causeIds")).isEqualTo(List.of(copiedCause));
    }

    @Test
    void aDiscardedDraftStaysReadableButLeavesTheListOfPlansInPlay() {
        UUID kept = PlanApiCalls.startPlan(http, "Behålls");
        UUID discarded = PlanApiCalls.startPlan(http, "Kastas");

        http.delete().uri("/api/v1/plans/{id}", discarded).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ARCHIVED")
                .jsonPath("$.archiveReason").isEqualTo("DISCARDED");
        http.get().uri("/api/v1/plans").exchange().expectBody()
                .jsonPath("$.content[*].id").isEqualTo(List.of(kept.toString()));
        http.get().uri("/api/v1/plans?status=ARCHIVED").exchange().expectBody()
                .jsonPath("$.content[*].id").isEqualTo(List.of(discarded.toString()));
        http.put().uri("/api/v1/plans/{id}", discarded).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Ändrad", "period", Map.of("startYear", 2024, "endYear", 2026)))
                .exchange().expectStatus().isEqualTo(409);
    }

    @Test
    void plansAreFilteredByTheYearTheirPeriodCovers() {
        http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Gammal", "period", Map.of("startYear", 2021, "endYear", 2023))).exchange();
        UUID current = PlanApiCalls.startPlan(http, "Aktuell");

        http.get().uri("/api/v1/plans?year=2025").exchange().expectBody()
                .jsonPath("$.content[*].id").isEqualTo(List.of(current.toString()));
    }

    private static void assertConformsToContract(ConsumerRecord<String, byte[]> record) {
        String type = KafkaTopicReader.header(record, "ce_type");
        assertThat(EventContracts.get().validate(type, new String(record.value(), StandardCharsets.UTF_8))).as(type).isEmpty();
    }

    private static Map<?, ?> firstMeasure(Map<?, ?> plan) {
        Map<?, ?> area = (Map<?, ?>) ((List<?>) plan.get("focusAreas")).get(0);
        Map<?, ?> problem = (Map<?, ?>) ((List<?>) area.get("problems")).get(0);
        return (Map<?, ?>) ((List<?>) problem.get("measures")).get(0);
    }

    private UUID post(String uri, Object body) {
        return idOf(http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody());
    }

    private static UUID idOf(Map<?, ?> resource) {
        return UUID.fromString((String) resource.get("id"));
    }
}
