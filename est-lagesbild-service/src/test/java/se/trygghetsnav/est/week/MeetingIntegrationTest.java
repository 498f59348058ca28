package se.trygghetsnav.est.week;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.est.measurelink.LinkableMeasures;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.trygghetsnav.commons.security.Role.EST_COORDINATOR;
import static se.trygghetsnav.commons.security.Role.EST_MEMBER;
import static se.trygghetsnav.commons.security.Role.READER;
import static se.trygghetsnav.est.EstApiCalls.JSON_MAP;
import static se.trygghetsnav.est.EstApiCalls.as;
import static se.trygghetsnav.est.EstApiCalls.entry;
import static se.trygghetsnav.est.EstApiCalls.entryIds;
import static se.trygghetsnav.est.EstApiCalls.get;
import static se.trygghetsnav.est.EstApiCalls.groupBody;
import static se.trygghetsnav.est.EstApiCalls.membersOf;
import static se.trygghetsnav.est.EstApiCalls.organisation;
import static se.trygghetsnav.est.EstApiCalls.placeId;
import static se.trygghetsnav.est.EstApiCalls.post;
import static se.trygghetsnav.est.EstApiCalls.registerGroup;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class MeetingIntegrationTest {

    private static final String MEASURE_ADDED = "se.trygghetsnav.plan.measure-added.v1";

    @LocalServerPort
    int port;

    @Autowired
    LinkableMeasures measures;

    private final String municipality = organisation("kommun");
    private final String police = organisation("polis");
    private final IsoWeek week = IsoWeek.of(LocalDate.now()).minusWeeks(3);
    private final IsoWeek nextWeek = week.plusWeeks(1);
    private RestTestClient coordinator;
    private RestTestClient policeMember;
    private String groupId;
    private String torget;
    private String policeMemberId;

    @BeforeEach
    void aGroupWithAWeekOfEntries() {
        coordinator = as(port, municipality, EST_COORDINATOR);
        policeMember = as(port, police, EST_MEMBER);
        Map<String, Object> group = registerGroup(coordinator, groupBody("EST Norrtälje", municipality, police, organisation("bostad")));
        groupId = (String) group.get("id");
        torget = placeId(group, "Torget");
        policeMemberId = (String) membersOf(group).stream().filter(member -> police.equals(member.get("organisationId")))
                .findFirst().orElseThrow().get("memberId");
        post(policeMember, groupId, week.toString(), List.of(
                entry("disturbing-gatherings", torget, week.monday().plusDays(4).toString(), "Stor samling fredag kväll."),
                entry("vandalism", torget, week.monday().plusDays(5).toString(), "Krossade flaskor.")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDecisionServingAPlanMeasureIsFollowedUpAtTheNextMeetingAndBothAreAnnouncedWithTheMeasureAndPlan() {
        UUID measureId = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        aPlanMeasureOfTheMunicipality(measureId, planId);

        Map<String, Object> decision = coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/decisions", groupId, week)
                .contentType(MediaType.APPLICATION_JSON)
                .body(decisionBody("Riktad närvaro vid torget fredag och lördag kväll", measureId))
                .exchange().expectStatus().isCreated().expectBody(JSON_MAP).returnResult().getResponseBody();
        assertThat(decision).containsEntry("kind", "TARGETED_PRESENCE").containsEntry("area", "Centrum")
                .containsEntry("measureId", measureId.toString()).containsEntry("planId", planId.toString())
                .containsEntry("responsibleOrganisationId", police);
        String decisionId = (String) decision.get("decisionId");
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/publication", groupId, week).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("PUBLISHED").jsonPath("$.decisions[0].decisionId").isEqualTo(decisionId);

        Map<String, Object> pending = get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}/follow-ups", groupId, nextWeek);
        assertThat((List<Map<String, Object>>) pending.get("pending")).extracting(item -> item.get("decidedInWeek"))
                .containsExactly(week.toString());
        coordinator.put().uri("/api/v1/est-groups/{g}/weeks/{w}/follow-ups/{d}", groupId, nextWeek, decisionId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("outcome", "DONE", "note", "Genomförd, lugnt lördag."))
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.outcome").isEqualTo("DONE").jsonPath("$.decidedInWeek").isEqualTo(week.toString());
        Map<String, Object> after = get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}/follow-ups", groupId, nextWeek);
        assertThat((List<?>) after.get("pending")).isEmpty();
        assertThat((List<?>) after.get("recorded")).hasSize(1);

        String decidingWeekId = WeekReport.idFor(UUID.fromString(groupId), week).toString();
        String followUpWeekId = WeekReport.idFor(UUID.fromString(groupId), nextWeek).toString();
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("est.events")) {
            ConsumerRecord<String, byte[]> made = reader.await(record -> decidingWeekId.equals(record.key())
                    && KafkaTopicReader.ofType("se.trygghetsnav.est.decision-made.v1").test(record), 1, Duration.ofSeconds(30)).getFirst();
            assertThat(new String(made.value(), StandardCharsets.UTF_8))
                    .contains("\"measureId\":\"" + measureId + "\"", "\"planId\":\"" + planId + "\"",
                            "\"decisionId\":\"" + decisionId + "\"")
                    .doesNotContain("Riktad närvaro vid torget");
            ConsumerRecord<String, byte[]> followedUp = reader.await(record -> followUpWeekId.equals(record.key())
                    && KafkaTopicReader.ofType("se.trygghetsnav.est.decision-followed-up.v1").test(record), 1,
                    Duration.ofSeconds(30)).getFirst();
            assertThat(new String(followedUp.value(), StandardCharsets.UTF_8))
                    .contains("\"measureId\":\"" + measureId + "\"", "\"planId\":\"" + planId + "\"", "\"outcome\":\"DONE\"",
                            "\"decidedInWeek\":\"" + week + "\"", "\"decidedInWeekReportId\":\"" + decidingWeekId + "\"");
        }
    }

    @Test
    void aDecisionNamingAnUnknownMeasureOrCarryingAPersonnummerIsRefused() {
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/decisions", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(decisionBody("Nattvandring", UUID.randomUUID())).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/invalid-decision")
                .jsonPath("$.errors[0].field").isEqualTo("measureId");
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/decisions", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(decisionBody("Samtal med 811218-9876 och föräldrar", null)).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/personal-identity-number")
                .jsonPath("$.errors[0].field").isEqualTo("what");
        policeMember.post().uri("/api/v1/est-groups/{g}/weeks/{w}/decisions", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(decisionBody("Nattvandring", null)).exchange().expectStatus().isForbidden();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aPublishedWeekRefusesEveryChangeWith409AndOnlyThenShowsItsPublicSummary() {
        String entryId = (String) ((List<Map<String, Object>>) get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}/entries",
                groupId, week).get("content")).getFirst().get("entryId");
        RestTestClient reader = as(port, municipality, READER);
        reader.get().uri("/api/v1/est-groups/{g}/weeks/{w}/public-summary", groupId, week).exchange().expectStatus().isNotFound();

        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/publication", groupId, week).exchange().expectStatus().isOk();

        policeMember.put().uri("/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, entryId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(entry("vandalism", torget, week.monday().toString(), "Rättad text.")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/week-published");
        policeMember.post().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entries", List.of(entry("threats", torget, week.monday().toString(), "Sent inlägg.")))).exchange()
                .expectStatus().isEqualTo(409);
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/decisions", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(decisionBody("Nattvandring", null)).exchange().expectStatus().isEqualTo(409);
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/reviews", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entryIds", List.of(entryId))).exchange().expectStatus().isEqualTo(409);
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/closure", groupId, week).exchange().expectStatus().isEqualTo(409);
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/publication", groupId, week).exchange().expectStatus().isEqualTo(409);
        assertThat(get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, entryId))
                .containsEntry("description", "Krossade flaskor.");

        Map<String, Object> summary = get(reader, "/api/v1/est-groups/{g}/weeks/{w}/public-summary", groupId, week);
        assertThat(summary).containsEntry("entryCount", 2).containsEntry("week", week.toString())
                .containsEntry("municipalityId", municipality);
        assertThat((List<Map<String, Object>>) summary.get("byCategory")).extracting(category -> category.get("code"))
                .containsExactly("vandalism", "disturbing-gatherings");
        assertThat((List<Map<String, Object>>) summary.get("byArea")).containsExactly(Map.of("area", "Centrum", "count", 2));
        assertThat(summary.toString()).doesNotContain("Stor samling", "Torget", "EVENING", week.monday().toString());
    }

    private Map<String, Object> decisionBody(String what, UUID measureId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("kind", "TARGETED_PRESENCE");
        body.put("what", what);
        body.put("placeId", torget);
        body.put("startDate", nextWeek.monday().plusDays(4).toString());
        body.put("endDate", nextWeek.monday().plusDays(5).toString());
        body.put("timeBand", "EVENING");
        body.put("responsibleMemberId", policeMemberId);
        if (measureId != null) {
            body.put("measureId", measureId.toString());
        }
        return body;
    }

    /** plan-service announces a measure of the municipality's plan; the service learns it from plan.events. */
    private void aPlanMeasureOfTheMunicipality(UUID measureId, UUID planId) {
        String golden = EventContracts.get().goldenExample(MEASURE_ADDED)
                .replace("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01", measureId.toString())
                .replace("019a8f2e-6a00-7000-8000-000000000188", planId.toString())
                .replace("\"organisationId\": \"0188\"", "\"organisationId\": \"" + municipality + "\"");
        assertThat(golden).contains(municipality);
        KafkaTestProducer.sendCloudEvent("plan.events", UUID.randomUUID().toString(), MEASURE_ADDED, planId.toString(), golden);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TenantScope.callAsOrganisation(municipality, () -> measures.find(measureId)).isPresent());
    }
}
