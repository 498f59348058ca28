package se.trygghetsnav.est.group;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.est.week.WeekReport;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static se.trygghetsnav.commons.security.Role.EST_COORDINATOR;
import static se.trygghetsnav.commons.security.Role.EST_MEMBER;
import static se.trygghetsnav.est.EstApiCalls.JSON_MAP;
import static se.trygghetsnav.est.EstApiCalls.as;
import static se.trygghetsnav.est.EstApiCalls.groupBody;
import static se.trygghetsnav.est.EstApiCalls.organisation;
import static se.trygghetsnav.est.EstApiCalls.place;
import static se.trygghetsnav.est.EstApiCalls.registerGroup;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class EstGroupApiIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final String municipality = organisation("kommun");
    private final String police = organisation("polis");
    private final String housing = organisation("bostad");

    @Test
    @SuppressWarnings("unchecked")
    void aGroupStartsWithTheDefaultCategoriesAndEveryMemberOrganisationCanReadIt() {
        Map<String, Object> group = registerGroup(as(port, municipality, EST_COORDINATOR),
                groupBody("EST Norrtälje centrum", municipality, police, housing));

        assertThat(group.get("ownerOrganisationId")).isEqualTo(municipality);
        assertThat((List<String>) group.get("memberOrganisationIds")).containsExactly(municipality, police, housing);
        assertThat((List<Map<String, Object>>) group.get("categories")).extracting(category -> category.get("code"))
                .containsExactly("vandalism", "disturbing-gatherings", "fights-and-violence", "threats",
                        "suspected-drug-dealing", "burglary-and-robbery", "reckless-driving", "unsafe-place",
                        "incident-against-staff", "rumours-and-social-media", "event");
        assertThat((List<Map<String, Object>>) group.get("places")).extracting(place -> place.get("name"))
                .containsExactly("Torget", "Busstationen", "Grindstugans skolgård");
        assertThat((Map<String, Object>) group.get("schedule")).containsEntry("cutOffTime", "12:00")
                .containsEntry("meetingDay", "TUESDAY").containsEntry("timeZone", "Europe/Stockholm");
        String id = (String) group.get("id");

        as(port, police, EST_MEMBER).get().uri("/api/v1/est-groups/{id}", id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"");
        assertThat(as(port, housing, EST_MEMBER).get().uri("/api/v1/est-groups").exchange().expectStatus().isOk()
                .expectBody(JSON_MAP).returnResult().getResponseBody().get("content").toString()).contains(id);
        as(port, organisation("annan-kommun"), EST_MEMBER).get().uri("/api/v1/est-groups/{id}", id).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-found");
    }

    @Test
    void aMemberLeftOutOfTheGroupLosesAccessAndANewOneGetsIt() {
        RestTestClient coordinator = as(port, municipality, EST_COORDINATOR);
        Map<String, Object> group = registerGroup(coordinator, groupBody("EST Grind", municipality, police, housing));
        IsoWeek week = IsoWeek.of(LocalDate.now());
        se.trygghetsnav.est.EstApiCalls.post(as(port, police, EST_MEMBER), group.get("id"), week.toString(), List.of(
                se.trygghetsnav.est.EstApiCalls.entry("threats", se.trygghetsnav.est.EstApiCalls.placeId(group, "Torget"),
                        week.monday().toString(), "Hot mot väktare.")));
        UUID weekId = WeekReport.idFor(UUID.fromString((String) group.get("id")), week);
        String security = organisation("vakt");
        List<Map<String, Object>> members = new ArrayList<>(se.trygghetsnav.est.EstApiCalls.membersOf(group));
        members.removeIf(member -> police.equals(member.get("organisationId")));
        members.add(se.trygghetsnav.est.EstApiCalls.member("Securitas", "SECURITY_COMPANY", security, "vakt@example.se"));

        coordinator.put().uri("/api/v1/est-groups/{id}", group.get("id")).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "EST Grind", "members", members)).exchange()
                .expectStatus().isOk().expectHeader().valueEquals("ETag", "\"2\"");

        as(port, police, EST_MEMBER).get().uri("/api/v1/est-groups/{id}", group.get("id")).exchange().expectStatus().isNotFound();
        as(port, security, EST_MEMBER).get().uri("/api/v1/est-groups/{id}", group.get("id")).exchange().expectStatus().isOk();
        // The group's weeks follow at the database level: tenancy lets exactly the new member organisations read them.
        assertThat(TenantScope.callAsOrganisation(police, () -> mongo.findById(weekId, WeekReport.class))).isNull();
        assertThat(TenantScope.callAsOrganisation(security, () -> mongo.findById(weekId, WeekReport.class))).isNotNull();
        as(port, security, EST_MEMBER).get().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", group.get("id"), week).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.totalElements").isEqualTo(1);
        coordinator.put().uri("/api/v1/est-groups/{id}", group.get("id")).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "EST Grind", "members", members)).exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void onlyTheCoordinatingMunicipalityChangesTheGroup() {
        Map<String, Object> group = registerGroup(as(port, municipality, EST_COORDINATOR),
                groupBody("EST Centrum", municipality, police, housing));

        as(port, police, EST_COORDINATOR).post().uri("/api/v1/est-groups/{id}/categories", group.get("id"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("label", "Fyrverkerier")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-group-coordinator");
    }

    @Test
    void aGroupExtendsItsCategoriesAndPlacesButNotWithDuplicatesOrPlacesOutsideSweden() {
        RestTestClient coordinator = as(port, municipality, EST_COORDINATOR);
        Map<String, Object> group = registerGroup(coordinator, groupBody("EST Hallstavik", municipality, police, housing));
        Object id = group.get("id");

        coordinator.post().uri("/api/v1/est-groups/{id}/categories", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("label", "Nedskräpning vid återvinningsstation")).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.code").isEqualTo("nedskrapning-vid-atervinningsstation")
                .jsonPath("$.builtIn").isEqualTo(false);
        coordinator.post().uri("/api/v1/est-groups/{id}/categories", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("label", "hot")).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/duplicate-category");
        coordinator.post().uri("/api/v1/est-groups/{id}/places", id).contentType(MediaType.APPLICATION_JSON)
                .body(place("Badplatsen", "Hallstavik", "BEACH", 60.0511, 18.6010)).exchange().expectStatus().isCreated()
                .expectBody().jsonPath("$.placeId").isNotEmpty();
        coordinator.post().uri("/api/v1/est-groups/{id}/places", id).contentType(MediaType.APPLICATION_JSON)
                .body(place(" torget ", "Centrum", "SQUARE", 59.759, 18.702)).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/duplicate-place");
        coordinator.post().uri("/api/v1/est-groups/{id}/places", id).contentType(MediaType.APPLICATION_JSON)
                .header("Accept-Language", "sv")
                .body(place("Hamnen", "Centrum", "OTHER", 18.70, 59.76)).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/coordinates-outside-sweden")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("latitud och longitud kan ha bytt plats"));
    }

    @Test
    void aCutOffAfterTheMeetingIsRefused() {
        Map<String, Object> body = new LinkedHashMap<>(groupBody("EST Rimbo", municipality, police, housing));
        body.put("schedule", Map.of("cutOffDay", "WEDNESDAY", "cutOffTime", "09:00", "meetingDay", "TUESDAY", "meetingTime", "10:00"));

        as(port, municipality, EST_COORDINATOR).post().uri("/api/v1/est-groups").contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/cut-off-after-meeting");
    }

    @Test
    void registeringAndChangingAGroupAreAnnouncedKeyedByTheGroupId() {
        RestTestClient coordinator = as(port, municipality, EST_COORDINATOR);
        Map<String, Object> group = registerGroup(coordinator, groupBody("EST Norrtälje hamn", municipality, police, housing));
        String id = (String) group.get("id");
        coordinator.post().uri("/api/v1/est-groups/{id}/categories", id).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("label", "Fyrverkerier")).exchange().expectStatus().isCreated();

        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("est.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(record -> id.equals(record.key()), 2, Duration.ofSeconds(30));
            assertThat(events).extracting(record -> KafkaTopicReader.header(record, "ce_type")).containsExactly(
                    "se.trygghetsnav.est.group-registered.v1", "se.trygghetsnav.est.group-changed.v1");
            String changed = new String(events.get(1).value(), StandardCharsets.UTF_8);
            assertThat(changed).contains("\"change\":\"CATEGORY_ADDED\"", "\"code\":\"fyrverkerier\"",
                    "\"organisationId\":\"" + municipality + "\"", "lpo@polisen.example.se");
        }
    }
}
