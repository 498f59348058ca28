package se.trygghetsnav.followup.round;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.followup.testing.AdoptedPlan;
import se.trygghetsnav.followup.testing.FollowupApi;
import se.trygghetsnav.followup.testing.PlanEventStream;
import se.trygghetsnav.followup.testing.PlanEventStream.MeasureSpec;
import se.trygghetsnav.followup.testing.TestClock;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class RoundApiIntegrationTest {

    private static final String PERSONNUMMER = "121212-1212";

    @LocalServerPort
    int port;

    /** Before every round period of these tests: no round is late, no measure overdue. */
    @BeforeEach
    void earlyInTheYear() {
        TestClock.setToday(LocalDate.of(2025, 3, 1));
    }

    @Test
    void aRoundFollowsUpTheMeasuresThePlanHadWhenItOpenedAndAnnouncesThem() {
        AdoptedPlan plan = AdoptedPlan.draft("Plan med omgång");
        UUID first = plan.measure(plan.dueOn("Belysning", LocalDate.of(2025, 9, 30), plan.ksk));
        plan.adoptAndAwait(port);

        JsonNode round = open(plan, Map.of("kind", "TERTIAL_1", "year", 2025, "dueDate", "2025-05-15"))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(round.path("name").asString()).isEqualTo("Tertial 1 2025");
        assertThat(round.path("periodStart").asString()).isEqualTo("2025-01-01");
        assertThat(round.path("periodEnd").asString()).isEqualTo("2025-04-30");
        assertThat(round.path("measures").findValuesAsString("measureId")).containsExactly(first.toString());
        assertThat(round.path("measures").path(0).path("responsibleUnits").path(0).path("name").asString())
                .isEqualTo("Kommunstyrelsekontoret");

        // A later revision with one more measure is adopted: the open round keeps its scope.
        PlanEventStream next = plan.stream.draftRevision();
        UUID later = next.measure(plan.dueOn("Ny åtgärd", LocalDate.of(2025, 10, 1), plan.ksk));
        next.adopt(LocalDate.of(2025, 3, 1), plan.stream);
        coordinator(plan).awaitGet(body -> body.path("status").asString().equals("ADOPTED"), "/api/v1/plans/{id}/followup",
                next.planId());
        JsonNode stored = coordinator(plan).getOrNull("/api/v1/rounds/{id}", round.path("id").asString());
        assertThat(stored.path("measures").findValuesAsString("measureId")).containsExactly(first.toString())
                .doesNotContain(later.toString());
        assertThat(coordinator(plan).getOrNull("/api/v1/plans/{id}/rounds", plan.planId()).findValuesAsString("name"))
                .containsExactly("Tertial 1 2025");

        ConsumerRecord<String, byte[]> opened = published("se.trygghetsnav.followup.round-opened.v1",
                round.path("id").asString(), 1).getFirst();
        assertThat(new String(opened.value(), StandardCharsets.UTF_8)).contains(first.toString(), plan.ksk.unitId().toString());
    }

    @Test
    void aRoundIsOpenedOnlyOnceAndOnlyForAPlanInForce() {
        AdoptedPlan draft = AdoptedPlan.draft("Utkast");
        draft.measure(draft.dueOn("Åtgärd", LocalDate.of(2025, 9, 30), draft.ksk));
        coordinator(draft).awaitGet(body -> body.path("measures").size() == 1, "/api/v1/plans/{id}/followup", draft.planId());
        open(draft, Map.of("kind", "YEAR_END", "year", 2025, "dueDate", "2026-01-31")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/plan-not-in-force");

        AdoptedPlan plan = AdoptedPlan.draft("Antagen");
        plan.measure(plan.dueOn("Åtgärd", LocalDate.of(2025, 9, 30), plan.ksk));
        plan.adoptAndAwait(port);
        Map<String, Object> yearEnd = Map.of("kind", "YEAR_END", "year", 2025, "dueDate", "2026-01-31");
        String id = open(plan, yearEnd).expectStatus().isCreated().expectBody(JsonNode.class).returnResult()
                .getResponseBody().path("id").asString();
        open(plan, yearEnd).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/round-exists")
                .jsonPath("$.roundId").isEqualTo(id);
        open(plan, Map.of("kind", "CUSTOM", "dueDate", "2026-01-31")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString())
                        .contains("namedWhenCustom", "periodGiven"));
        open(plan, Map.of("kind", "CUSTOM", "name", "Sommarinsatser", "periodStart", "2025-06-01", "periodEnd", "2025-08-31",
                "dueDate", "2025-09-15")).expectStatus().isCreated()
                .expectBody().jsonPath("$.name").isEqualTo("Sommarinsatser");
    }

    @Test
    void aUnitReportsOnItsOwnMeasuresAndCorrectsThemWithTheirETagWhileEveryRevisionIsKept() {
        AdoptedPlan plan = AdoptedPlan.draft("Plan med rapporter");
        UUID own = plan.measure(plan.dueOn("Trygghetsvandringar", LocalDate.of(2025, 9, 30), plan.ksk)
                .withCriteria("Antal vandringar", "Vad kom fram?"));
        UUID others = plan.measure(plan.dueOn("Rastvärdar", LocalDate.of(2025, 9, 30), plan.bou));
        plan.adoptAndAwait(port);
        String round = openedRound(plan);
        FollowupApi kskUser = FollowupApi.asUnitUser(port, plan.organisation, plan.ksk.unitId());

        report(kskUser, round, own, null, Map.of("status", "ONGOING", "narrative", "Två vandringar i centrum.",
                "answers", List.of(Map.of("criterionIndex", 0, "number", 2), Map.of("criterionIndex", 1, "text", "Mörka gångtunnlar"))))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().jsonPath("$.answers[1].criterion").isEqualTo("Vad kom fram?")
                .jsonPath("$.submittedByUnitId").isEqualTo(plan.ksk.unitId().toString());
        report(kskUser, round, others, null, Map.of("status", "DONE")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/forbidden")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("not responsible"));
        kskUser.http().get().uri("/api/v1/rounds/{r}/reports/{m}", round, others).exchange().expectStatus().isForbidden();
        report(FollowupApi.as(port, plan.organisation, Role.READER), round, own, null, Map.of("status", "DONE"))
                .expectStatus().isForbidden();
        // The demo sign-in server names a user's unit by its abbreviation (org_unit: KSK); that works too.
        FollowupApi byAbbreviation = FollowupApi.asUnitUser(port, plan.organisation, "ksk");
        assertThat(byAbbreviation.getOrNull("/api/v1/rounds/{r}/reports/{m}", round, own).path("revision").asInt()).isEqualTo(1);
        byAbbreviation.http().get().uri("/api/v1/rounds/{r}/reports/{m}", round, others).exchange().expectStatus().isForbidden();

        report(kskUser, round, own, "\"0\"", Map.of("status", "DONE")).expectStatus().isEqualTo(412)
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        report(kskUser, round, own, "\"1\"", Map.of("status", "DONE", "narrative", "Fyra vandringar, alla brister anmälda.",
                "answers", List.of(Map.of("criterionIndex", 0, "number", 4))))
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        report(kskUser, round, own, "\"1\"", Map.of("status", "CANCELLED")).expectStatus().isEqualTo(412);

        JsonNode history = kskUser.getOrNull("/api/v1/rounds/{r}/reports/{m}/history", round, own);
        assertThat(history.findValuesAsString("status")).containsExactly("ONGOING", "DONE");
        assertThat(history.path(0).path("narrative").asString()).isEqualTo("Två vandringar i centrum.");
        assertThat(coordinator(plan).getOrNull("/api/v1/rounds/{r}/reports/{m}", round, own).path("revision").asInt())
                .isEqualTo(2);
        JsonNode latest = kskUser.getOrNull("/api/v1/measures/{id}/followup", own).path("measure").path("followUp")
                .path("latestReport");
        assertThat(latest.path("status").asString()).isEqualTo("DONE");
        assertThat(latest.path("revision").asInt()).isEqualTo(2);
        assertThat(latest.path("roundName").asString()).isEqualTo("Tertial 2 2025");
        JsonNode seenByUnit = kskUser.getOrNull("/api/v1/rounds/{id}", round);
        assertThat(seenByUnit.path("measures").findValuesAsString("measureId")).containsExactly(own.toString());
        assertThat(seenByUnit.path("measures").path(0).path("report").path("status").asString()).isEqualTo("DONE");

        List<ConsumerRecord<String, byte[]>> events = published(".*measure-report-(submitted|corrected).v1", round, 2);
        assertThat(events).extracting(event -> KafkaTopicReader.header(event, "ce_type")).containsExactly(
                "se.trygghetsnav.followup.measure-report-submitted.v1", "se.trygghetsnav.followup.measure-report-corrected.v1");
        assertThat(events).allSatisfy(event -> assertThat(new String(event.value(), StandardCharsets.UTF_8))
                .doesNotContain("vandringar", "gångtunnlar"));
    }

    @Test
    void aNarrativeWithAPersonnummerIsRefusedWithA422SayingWhereInEnglishOrSwedish() {
        AdoptedPlan plan = AdoptedPlan.draft("Plan med känslig text");
        UUID measure = plan.measure(plan.dueOn("Uppsökande arbete", LocalDate.of(2025, 9, 30), plan.ksk)
                .withCriteria("Vad gjordes?"));
        plan.adoptAndAwait(port);
        String round = openedRound(plan);
        Map<String, Object> body = Map.of("status", "ONGOING", "narrative", "Vi träffade " + PERSONNUMMER + " i parken.",
                "answers", List.of(Map.of("criterionIndex", 0, "text", "Samtal med 19121212-1212")));

        coordinator(plan).http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, measure)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/personal-identity-number")
                .jsonPath("$.errors[*].field").value(fields -> assertThat(fields.toString()).contains("narrative", "answers[0].text"))
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("personnummer")
                        .doesNotContain(PERSONNUMMER));
        coordinator(plan).http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, measure)
                .header(HttpHeaders.ACCEPT_LANGUAGE, "sv").contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.title").isEqualTo("Personnummer i texten");
        coordinator(plan).http().get().uri("/api/v1/rounds/{r}/reports/{m}", round, measure).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aRecurringMeasureReportsOccurrencesHeldAgainstThosePlannedForThePeriod() {
        AdoptedPlan plan = AdoptedPlan.draft("Plan med återkommande åtgärd");
        UUID styrgrupp = plan.measure(MeasureSpec.recurring(plan.focusAreaId, plan.problemId, "Styrgruppen träffas", 1,
                "MONTH", LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31), List.of("JULY"), plan.ksk));
        UUID oneOff = plan.measure(plan.dueOn("Engångsinsats", LocalDate.of(2025, 6, 1), plan.ksk));
        plan.adoptAndAwait(port);
        String round = open(plan, Map.of("kind", "YEAR_END", "year", 2025, "dueDate", "2026-01-31")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();

        assertThat(coordinator(plan).getOrNull("/api/v1/rounds/{id}", round).path("measures").path(0)
                .path("plannedOccurrences").asInt()).isEqualTo(11);
        report(coordinator(plan), round, styrgrupp, null, Map.of("status", "ONGOING", "occurrencesHeld", 11))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.occurrencesHeld").isEqualTo(11).jsonPath("$.occurrencesPlanned").isEqualTo(11);
        report(coordinator(plan), round, oneOff, null, Map.of("status", "DONE", "occurrencesHeld", 1))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-recurring");
        report(coordinator(plan), round, oneOff, null, Map.of("status", "DONE",
                "answers", List.of(Map.of("criterionIndex", 0, "number", 1))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/unknown-criterion");
        report(coordinator(plan), round, oneOff, null, Map.of("status", "DONE",
                "answers", List.of(Map.of("criterionIndex", 0, "number", 1, "text", "Båda"))))
                .expectStatus().isBadRequest();
    }

    @Test
    void completenessIsCountedPerResponsibleUnitAndAClosedRoundTakesNoMoreReports() {
        AdoptedPlan plan = AdoptedPlan.draft("Plan att stänga");
        UUID shared = plan.measure(plan.dueOn("Gemensam", LocalDate.of(2025, 9, 30), plan.ksk, plan.bou));
        UUID kskOnly = plan.measure(plan.dueOn("KSK ensam", LocalDate.of(2025, 9, 30), plan.ksk));
        UUID bouOnly = plan.measure(plan.dueOn("BoU ensam", LocalDate.of(2025, 9, 30), plan.bou));
        plan.adoptAndAwait(port);
        String round = openedRound(plan);
        report(FollowupApi.asUnitUser(port, plan.organisation, plan.bou.unitId()), round, shared, null,
                Map.of("status", "ONGOING")).expectStatus().isCreated();
        report(coordinator(plan), round, kskOnly, null, Map.of("status", "DONE")).expectStatus().isCreated();

        JsonNode completeness = coordinator(plan).getOrNull("/api/v1/rounds/{id}/completeness", round);
        assertThat(completeness.path("measuresInScope").asInt()).isEqualTo(3);
        assertThat(completeness.path("measuresReported").asInt()).isEqualTo(2);
        assertThat(completeness.path("complete").asBoolean()).isFalse();
        JsonNode bou = unit(completeness, "Barn- och utbildningsförvaltningen");
        assertThat(bou.path("measures").asInt()).isEqualTo(2);
        assertThat(bou.path("reported").asInt()).isEqualTo(1);
        assertThat(bou.path("missing").findValuesAsString("measureId")).containsExactly(bouOnly.toString());
        assertThat(unit(completeness, "Kommunstyrelsekontoret").path("complete").asBoolean()).isTrue();
        assertThat(FollowupApi.asUnitUser(port, plan.organisation, plan.ksk.unitId())
                .getOrNull("/api/v1/rounds/{id}/completeness", round).path("units").findValuesAsString("name"))
                .containsExactly("Kommunstyrelsekontoret");

        coordinator(plan).http().post().uri("/api/v1/rounds/{id}/closure", round).header(HttpHeaders.IF_MATCH, "\"1\"")
                .exchange().expectStatus().isEqualTo(412);
        coordinator(plan).http().post().uri("/api/v1/rounds/{id}/closure", round).header(HttpHeaders.IF_MATCH, "\"3\"")
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");
        report(coordinator(plan), round, bouOnly, null, Map.of("status", "DONE")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/round-closed");
        assertThat(published("se.trygghetsnav.followup.round-closed.v1", round, 1)).hasSize(1);
    }

    private static JsonNode unit(JsonNode completeness, String name) {
        for (JsonNode unit : completeness.path("units")) {
            if (unit.path("name").asString().equals(name)) {
                return unit;
            }
        }
        throw new AssertionError("No unit " + name + " in " + completeness);
    }

    private String openedRound(AdoptedPlan plan) {
        return open(plan, Map.of("kind", "TERTIAL_2", "year", 2025, "dueDate", "2025-09-15")).expectStatus().isCreated()
                .expectBody(JsonNode.class).returnResult().getResponseBody().path("id").asString();
    }

    private RestTestClient.ResponseSpec open(AdoptedPlan plan, Map<String, Object> body) {
        return coordinator(plan).http().post().uri("/api/v1/plans/{id}/rounds", plan.planId())
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static RestTestClient.ResponseSpec report(FollowupApi api, String round, UUID measure, String ifMatch,
            Map<String, Object> body) {
        RestTestClient.RequestBodySpec request = api.http().put().uri("/api/v1/rounds/{r}/reports/{m}", round, measure)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.body(body).exchange();
    }

    private FollowupApi coordinator(AdoptedPlan plan) {
        return FollowupApi.as(port, plan.organisation, Role.COORDINATOR);
    }

    /** The round's events of a type (a regex), each validated against its contract. */
    private static List<ConsumerRecord<String, byte[]>> published(String typePattern, String roundId, int count) {
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("followup.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(record -> roundId.equals(record.key())
                    && KafkaTopicReader.header(record, "ce_type").matches(typePattern), count, Duration.ofSeconds(20));
            for (ConsumerRecord<String, byte[]> event : events) {
                String type = KafkaTopicReader.header(event, "ce_type");
                assertThat(EventContracts.get().validate(type, new String(event.value(), StandardCharsets.UTF_8)))
                        .as(type).isEmpty();
            }
            return events;
        }
    }
}
