package se.trygghetsnav.est.week;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.testkit.KafkaTopicReader;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static se.trygghetsnav.commons.security.Role.EST_COORDINATOR;
import static se.trygghetsnav.commons.security.Role.EST_MEMBER;
import static se.trygghetsnav.est.EstApiCalls.JSON_MAP;
import static se.trygghetsnav.est.EstApiCalls.as;
import static se.trygghetsnav.est.EstApiCalls.entry;
import static se.trygghetsnav.est.EstApiCalls.entryAtNewPlace;
import static se.trygghetsnav.est.EstApiCalls.entryIds;
import static se.trygghetsnav.est.EstApiCalls.get;
import static se.trygghetsnav.est.EstApiCalls.groupBody;
import static se.trygghetsnav.est.EstApiCalls.organisation;
import static se.trygghetsnav.est.EstApiCalls.place;
import static se.trygghetsnav.est.EstApiCalls.placeId;
import static se.trygghetsnav.est.EstApiCalls.post;
import static se.trygghetsnav.est.EstApiCalls.registerGroup;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class WeekEntriesIntegrationTest {

    /** Skatteverket's published test numbers: a valid personnummer and a valid samordningsnummer. */
    private static final String PERSONNUMMER = "811218-9876";
    private static final String SAMORDNINGSNUMMER = "701063-2391";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    private final String municipality = organisation("kommun");
    private final String police = organisation("polis");
    private final String housing = organisation("bostad");
    private final IsoWeek week = IsoWeek.of(LocalDate.now());
    private RestTestClient coordinator;
    private RestTestClient policeMember;
    private RestTestClient housingMember;
    private Map<String, Object> group;
    private String groupId;
    private String torget;

    @BeforeEach
    void aGroupWithThreeMemberOrganisations() {
        coordinator = as(port, municipality, EST_COORDINATOR);
        policeMember = as(port, police, EST_MEMBER);
        housingMember = as(port, housing, EST_MEMBER);
        group = registerGroup(coordinator, groupBody("EST Norrtälje", municipality, police, housing));
        groupId = (String) group.get("id");
        torget = placeId(group, "Torget");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMemberPostsSeveralEntriesInOneSubmissionAndEveryMemberReadsThem() {
        Map<String, Object> posted = post(policeMember, groupId, week.toString(), List.of(
                entry("vandalism", torget, day(0), "Krossad glasruta i busskuren, glas på marken."),
                entryAtNewPlace("disturbing-gatherings", place("Tunneln vid stationen", "Centrum", "UNDERPASS", 59.7625, 18.6985),
                        day(1), "Ett tiotal ungdomar samlades och spelade hög musik efter midnatt.")));

        assertThat(entryIds(posted)).hasSize(2);
        assertThat(posted.get("version")).isEqualTo(2);
        Map<String, Object> entries = get(housingMember, "/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week);
        assertThat((List<Map<String, Object>>) entries.get("content")).extracting(entry -> entry.get("description"))
                .containsExactlyInAnyOrder("Krossad glasruta i busskuren, glas på marken.",
                        "Ett tiotal ungdomar samlades och spelade hög musik efter midnatt.");
        Map<String, Object> first = ((List<Map<String, Object>>) entries.get("content")).stream()
                .filter(entry -> "vandalism".equals(((Map<String, Object>) entry.get("category")).get("code"))).findFirst().orElseThrow();
        assertThat((Map<String, Object>) first.get("category")).containsEntry("label", "Skadegörelse (inkl. klotter, krossat glas och brand)");
        assertThat((Map<String, Object>) first.get("place")).containsEntry("name", "Torget").containsEntry("area", "Centrum");
        assertThat(first).containsEntry("reportingOrganisationId", police).containsEntry("timeBand", "EVENING");
        assertThat((Map<String, Object>) first.get("reportingMember")).containsEntry("name", "Polisen, lokalpolisområde Norrtälje");

        Map<String, Object> weekRead = get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}", groupId, week);
        assertThat(weekRead).containsEntry("status", "OPEN").containsEntry("opened", true).containsEntry("entryCount", 2);
        assertThat(get(coordinator, "/api/v1/est-groups/{g}", groupId).get("places").toString()).contains("Tunneln vid stationen");
    }

    @Test
    void aDescriptionWithAPersonnummerIsRefusedWith422AndNothingIsStored() {
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week)
                .contentType(MediaType.APPLICATION_JSON).header("Accept-Language", "sv")
                .body(Map.of("entries", List.of(
                        entryAtNewPlace("threats", place("Lekplatsen Solrosen", "Grind", "PLAYGROUND", 59.771, 18.681), day(0),
                                "Hot mot personal vid lekplatsen."),
                        entry("threats", torget, day(0), "Mannen, " + PERSONNUMMER + ", hotade en väktare."),
                        entry("threats", torget, day(0), "Samma person, samordningsnummer " + SAMORDNINGSNUMMER + "."))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/personal-identity-number")
                .jsonPath("$.title").isEqualTo("Personnummer i texten")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("ingenting sparades"))
                .jsonPath("$.errors[0].field").isEqualTo("entries[1].description")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("personnummer"))
                .jsonPath("$.errors[1].field").isEqualTo("entries[2].description")
                .jsonPath("$.errors[1].message").value(message -> assertThat((String) message).contains("samordningsnummer"))
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(PERSONNUMMER));

        assertThat(get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}", groupId, week))
                .containsEntry("opened", false).containsEntry("entryCount", 0);
        assertThat(get(coordinator, "/api/v1/est-groups/{g}", groupId).get("places").toString()).doesNotContain("Solrosen");
        long storedTexts = TenantScope.callAsSystem(() -> mongo.count(Query.query(new Criteria().orOperator(
                Criteria.where("texts.description").regex(Pattern.quote(PERSONNUMMER)),
                Criteria.where("texts.description").regex("Hot mot personal vid lekplatsen"))), "est_entry_texts"));
        assertThat(storedTexts).isZero();
    }

    @Test
    void entriesWithUnknownCategoriesOrDatesOutsideTheWeekAreRefusedTogether() {
        policeMember.post().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entries", List.of(
                        entry("fireworks", torget, day(0), "Smällare."),
                        entry("vandalism", torget, week.monday().minusDays(1).toString(), "Klotter på väggen."))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/invalid-entries")
                .jsonPath("$.errors[0].field").isEqualTo("entries[0].category")
                .jsonPath("$.errors[1].field").isEqualTo("entries[1].date");
    }

    @Test
    void aMemberOfAnotherGroupGets404ForThisGroupsWeek() {
        String otherMunicipality = organisation("kommun");
        registerGroup(as(port, otherMunicipality, EST_COORDINATOR), groupBody("EST Grannkommunen", otherMunicipality,
                organisation("polis"), organisation("bostad")));
        RestTestClient outsider = as(port, otherMunicipality, EST_MEMBER);
        post(policeMember, groupId, week.toString(), List.of(entry("threats", torget, day(0), "Hot mot butikspersonal.")));

        outsider.get().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week).exchange().expectStatus().isNotFound();
        outsider.get().uri("/api/v1/est-groups/{g}/weeks/{w}", groupId, week).exchange().expectStatus().isNotFound();
        outsider.post().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entries", List.of(entry("threats", torget, day(0), "Försök.")))).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/not-found");
    }

    @Test
    void anEntryIsCorrectedByItsOwnOrganisationUntilTheWeekClosesAndThenRefusedWith409() {
        String entryId = entryIds(post(policeMember, groupId, week.toString(),
                List.of(entry("vandalism", torget, day(0), "Klotter på torgets bänkar.")))).getFirst();
        Map<String, Object> correction = entry("vandalism", torget, day(0), "Klotter på torgets bänkar och papperskorgar.");
        correction.put("seriousness", "HIGH");

        policeMember.put().uri("/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, entryId)
                .contentType(MediaType.APPLICATION_JSON).body(correction).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.description").isEqualTo("Klotter på torgets bänkar och papperskorgar.")
                .jsonPath("$.seriousness").isEqualTo("HIGH").jsonPath("$.changedAt").isNotEmpty();
        housingMember.put().uri("/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, entryId)
                .contentType(MediaType.APPLICATION_JSON).body(correction).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/entry-of-another-organisation");
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/reviews", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entryIds", List.of(entryId))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reviewedCount").isEqualTo(1);
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/closure", groupId, week).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        policeMember.put().uri("/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, entryId)
                .contentType(MediaType.APPLICATION_JSON).body(correction).exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/week-closed");
        policeMember.post().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entries", List.of(entry("threats", torget, day(0), "För sent.")))).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, entryId))
                .containsEntry("seriousness", "HIGH");
    }

    @Test
    void concurrentSubmissionsToOneWeekAreAllStoredEachWithItsOwnVersionAndEvent() throws Exception {
        int submissions = 40;
        List<Future<Map<String, Object>>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < submissions; i++) {
                RestTestClient member = i % 2 == 0 ? policeMember : housingMember;
                String text = "Rapport " + i;
                results.add(pool.submit(() -> post(member, groupId, week.toString(),
                        List.of(entry("unsafe-place", torget, day(0), text), entry("vandalism", torget, day(1), text)))));
            }
        }
        List<Object> versions = new ArrayList<>();
        for (Future<Map<String, Object>> result : results) {
            versions.add(result.get().get("version"));
        }

        assertThat(versions).doesNotHaveDuplicates().hasSize(submissions);
        assertThat(get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}", groupId, week))
                .containsEntry("entryCount", 2 * submissions).containsEntry("version", submissions + 1);
        String weekId = WeekReport.idFor(UUID.fromString(groupId), week).toString();
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning("est.events")) {
            List<ConsumerRecord<String, byte[]>> events = reader.await(record -> weekId.equals(record.key()), submissions + 1,
                    Duration.ofSeconds(30));
            assertThat(events).extracting(record -> KafkaTopicReader.header(record, "ce_type")).first()
                    .isEqualTo("se.trygghetsnav.est.week-opened.v1");
            assertThat(events.subList(1, events.size())).extracting(record -> KafkaTopicReader.header(record, "ce_type"))
                    .containsOnly("se.trygghetsnav.est.entries-posted.v1");
            assertThat(events).allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                    .doesNotContain("Rapport").doesNotContain("description"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBusyWeekSealsItsOlderEntriesIntoBucketsAndStillReadsCorrectsReviewsAndCountsThemAll() {
        List<String> ids = new ArrayList<>();
        for (int submission = 0; submission < 13; submission++) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                entries.add(entry(i % 2 == 0 ? "vandalism" : "threats", torget, day(i % 7), "Rapport " + submission + "-" + i));
            }
            ids.addAll(entryIds(post(policeMember, groupId, week.toString(), entries)));
        }
        UUID weekId = WeekReport.idFor(UUID.fromString(groupId), week);
        org.bson.Document stored = TenantScope.callAsSystem(() -> mongo.getCollection("est_week_reports")
                .find(new org.bson.Document("_id", weekId)).first());
        assertThat(stored.getList("entries", Object.class)).hasSizeLessThan(WeekWriter.SEAL_AT);
        assertThat(stored.getList("sealedBuckets", Object.class)).isNotEmpty();

        String sealedEntry = ids.getFirst();
        Map<String, Object> correction = entry("unsafe-place", torget, day(3), "Rättad: trasig belysning.");
        policeMember.put().uri("/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, sealedEntry)
                .contentType(MediaType.APPLICATION_JSON).body(correction).exchange().expectStatus().isOk();
        coordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/reviews", groupId, week).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("entryIds", ids.subList(0, 150))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.reviewedCount").isEqualTo(150).jsonPath("$.entryCount").isEqualTo(260);

        Map<String, Object> corrected = get(housingMember, "/api/v1/est-groups/{g}/weeks/{w}/entries/{e}", groupId, week, sealedEntry);
        assertThat(corrected).containsEntry("description", "Rättad: trasig belysning.");
        assertThat(corrected.get("reviewedAt")).isNotNull();
        assertThat(get(housingMember, "/api/v1/est-groups/{g}/weeks/{w}/entries?size=200", groupId, week))
                .containsEntry("totalElements", 260);
        Map<String, Object> compiled = get(coordinator, "/api/v1/est-groups/{g}/weeks/{w}/compilation", groupId, week);
        assertThat((Map<String, Object>) compiled.get("total")).containsEntry("count", 260);
        assertThat((List<Map<String, Object>>) compiled.get("byCategory")).extracting(category -> category.get("code"))
                .containsExactly("vandalism", "threats", "unsafe-place");
    }

    private String day(int offset) {
        return week.monday().plusDays(offset).toString();
    }
}
