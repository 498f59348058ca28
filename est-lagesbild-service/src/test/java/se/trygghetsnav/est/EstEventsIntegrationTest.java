package se.trygghetsnav.est;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.est.measurelink.LinkableMeasures;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekReport;
import se.trygghetsnav.testkit.KafkaTestProducer;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.trygghetsnav.commons.security.Role.EST_COORDINATOR;
import static se.trygghetsnav.commons.security.Role.EST_MEMBER;
import static se.trygghetsnav.est.EstApiCalls.as;
import static se.trygghetsnav.est.EstApiCalls.entry;
import static se.trygghetsnav.est.EstApiCalls.entryAtNewPlace;
import static se.trygghetsnav.est.EstApiCalls.entryIds;
import static se.trygghetsnav.est.EstApiCalls.groupBody;
import static se.trygghetsnav.est.EstApiCalls.membersOf;
import static se.trygghetsnav.est.EstApiCalls.organisation;
import static se.trygghetsnav.est.EstApiCalls.place;
import static se.trygghetsnav.est.EstApiCalls.placeId;
import static se.trygghetsnav.est.EstApiCalls.post;
import static se.trygghetsnav.est.EstApiCalls.postJson;
import static se.trygghetsnav.est.EstApiCalls.registerGroup;

/**
 * Producer side of the est.events contracts: a group's whole week cycle through the API, and every event it
 * publishes validates against its schema in event-contracts, with the CloudEvents headers the envelope asks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class EstEventsIntegrationTest {

    private static final String MEASURE_ADDED = "se.trygghetsnav.plan.measure-added.v1";

    @LocalServerPort
    int port;

    @Autowired
    LinkableMeasures measures;

    @Test
    void everyEventOfAWeeksCycleConformsToItsContract() {
        String municipality = organisation("kommun");
        String police = organisation("polis");
        RestTestClient coordinator = as(port, municipality, EST_COORDINATOR);
        RestTestClient member = as(port, police, EST_MEMBER);
        IsoWeek week = IsoWeek.of(LocalDate.now()).minusWeeks(2);
        IsoWeek nextWeek = week.plusWeeks(1);
        UUID measureId = UUID.randomUUID();
        UUID planId = UUID.randomUUID();
        aPlanMeasureOf(municipality, measureId, planId);

        Map<String, Object> group = registerGroup(coordinator, groupBody("EST Rimbo", municipality, police, organisation("bostad")));
        String groupId = (String) group.get("id");
        String torget = placeId(group, "Torget");
        postJson(coordinator, "/api/v1/est-groups/" + groupId + "/categories", Map.of("label", "Fyrverkerier"));
        List<String> entries = entryIds(post(member, groupId, week.toString(), List.of(
                entry("vandalism", torget, week.monday().toString(), "Klotter."),
                entryAtNewPlace("unsafe-place", place("Gångtunneln", "Rimbo", "UNDERPASS", 59.7450, 18.3660),
                        week.monday().plusDays(2).toString(), "Trasig belysning i tunneln."))));
        member.put().uri("/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, entries.getFirst())
                .contentType(MediaType.APPLICATION_JSON).body(entry("vandalism", torget, week.monday().toString(), "Klotter på väggen."))
                .exchange().expectStatus().isOk();
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/reviews", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entryIds", entries)).exchange().expectStatus().isOk();
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/closure", groupId, week).exchange().expectStatus().isOk();
        String responsible = (String) membersOf(group).get(1).get("memberId");
        String decisionId = (String) postJson(coordinator, "/api/v1/est-groups/" + groupId + "/weeks/" + week + "/decisions",
                Map.of("kind", "LIGHTING", "what", "Byt belysning i gångtunneln", "area", "Rimbo",
                        "startDate", nextWeek.monday().toString(), "responsibleMemberId", responsible,
                        "measureId", measureId.toString())).get("decisionId");
        postJson(coordinator, "/api/v1/est-groups/" + groupId + "/weeks/" + week + "/decisions",
                Map.of("kind", "NIGHT_WALK", "what", "Nattvandring fredag", "placeId", torget,
                        "startDate", nextWeek.monday().plusDays(4).toString(), "timeBand", "EVENING", "responsibleMemberId", responsible));
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/publication", groupId, week).exchange().expectStatus().isOk();
        coordinator.put().uri("/api/v1/est-groups/{g}/weeks/{w}/follow-ups/{d}", groupId, nextWeek, decisionId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("outcome", "PARTLY_DONE", "note", "Hälften av armaturerna bytta."))
                .exchange().expectStatus().isOk();

        Set<String> keys = Set.of(groupId, WeekReport.idFor(UUID.fromString(groupId), week).toString(),
                WeekReport.idFor(UUID.fromString(groupId), nextWeek).toString());
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("est.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(record -> keys.contains(record.key()), 13, Duration.ofSeconds(30));
            assertThat(events.stream().map(record -> KafkaTopicReader.header(record, "ce_type")).collect(Collectors.toSet()))
                    .isEqualTo(EventContracts.get().eventTypes().stream().filter(type -> type.startsWith("se.trygghetsnav.est."))
                            .collect(Collectors.toSet()));
            for (ConsumerRecord<String, byte[]> event : events) {
                String type = KafkaTopicReader.header(event, "ce_type");
                String json = new String(event.value(), StandardCharsets.UTF_8);
                assertThat(EventContracts.get().validate(type, json)).as(type + ": " + json).isEmpty();
                assertThat(KafkaTopicReader.header(event, "ce_specversion")).isEqualTo("1.0");
                assertThat(KafkaTopicReader.header(event, "ce_subject")).isEqualTo(event.key());
                assertThat(KafkaTopicReader.header(event, "ce_source")).isEqualTo("/trygghetsnav/est-lagesbild-service");
                assertThat(json).contains("\"eventId\":\"" + KafkaTopicReader.header(event, "ce_id") + "\"",
                        "\"aggregateId\":\"" + event.key() + "\"", "\"organisationId\":\"" + municipality + "\"");
                assertThat(json).doesNotContain("Klotter", "belysning i tunneln", "Byt belysning", "Nattvandring fredag");
            }
        }
    }

    private void aPlanMeasureOf(String municipality, UUID measureId, UUID planId) {
        String golden = EventContracts.get().goldenExample(MEASURE_ADDED)
                .replace("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01", measureId.toString())
                .replace("019a8f2e-6a00-7000-8000-000000000188", planId.toString())
                .replace("\"organisationId\": \"0188\"", "\"organisationId\": \"" + municipality + "\"");
        KafkaTestProducer.sendCloudEvent("plan.events", UUID.randomUUID().toString(), MEASURE_ADDED, planId.toString(), golden);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> TenantScope.callAsOrganisation(municipality, () -> measures.find(measureId)).isPresent());
    }
}
