package se.trygghetsnav.plan.transfer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.plandocument.SeedPlans;
import se.trygghetsnav.testkit.TestTokens;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three seed plans, transcribed completely, imported through the API: nothing of them is lost, their
 * figures per focus area are exact, and a plan exported as JSON imports again as the same plan.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class SeedPlanImportIntegrationTest {

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void setUp() {
        http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader("Authorization", TestTokens.bearer("org-" + UUID.randomUUID(), Role.COORDINATOR)).build();
    }

    @Test
    void norrtaljesPlanImportsWithExactFiguresPerFocusArea() {
        UUID plan = importJson(SeedPlans.json(SeedPlans.NORRTALJE_2024_2026));

        http.get().uri("/api/v1/plans/{id}/summary", plan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.focusAreas[*].name").isEqualTo(List.of("Unga i riskzon",
                        "Förebyggande arbete kring brottsutsatta och våld i nära relation och med extra fokus mot unga",
                        "Trygghet i offentlig miljö", "Välfärdsbrott, kriminell ekonomi och otillåten påverkan"))
                .jsonPath("$.focusAreas[*].problems").isEqualTo(List.of(7, 5, 12, 5))
                .jsonPath("$.focusAreas[*].causes").isEqualTo(List.of(13, 6, 14, 6))
                .jsonPath("$.focusAreas[*].goals").isEqualTo(List.of(15, 9, 16, 6))
                .jsonPath("$.focusAreas[*].measures").isEqualTo(List.of(26, 20, 37, 12))
                .jsonPath("$.total.problems").isEqualTo(29)
                .jsonPath("$.total.causes").isEqualTo(39)
                .jsonPath("$.total.goals").isEqualTo(46)
                .jsonPath("$.total.measures").isEqualTo(95);
    }

    @Test
    void aKnownMeasureOfNorrtaljesPlanCarriesItsCausesGoalsAndEveryResponsibleUnit() {
        UUID plan = importJson(SeedPlans.json(SeedPlans.NORRTALJE_2024_2026));

        Map<?, ?> known = measureTitled("Uppdatera ANTDS riktlinje och handlingsplan.");

        assertThat(unitsOf(known)).containsExactly("KSK", "BoU", "Socialförvaltning", "KoF");
        Map<?, ?> problem = problemOf(plan, known);
        assertThat(problem.get("title")).isEqualTo("ANDTS arbete");
        assertThat(textsOf(problem, "causes", (List<?>) known.get("causeIds"))).containsExactly(
                "Resultatet av en studie genomförd av Brottsförebyggande Rådet 2015 visar på en fortsatt stark koppling mellan berusning och olika typer av våldsbrott. Studien belyser därmed vikten av att ta med alkohol som en faktor när man arbetar brottspreventivt.",
                "Stockholmsenkät 2022 för Norrtälje visar att elva procent av elever i årskurs nio och femton procent av elever i årskurs två har testat cannabis.");
        assertThat(textsOf(problem, "goals", (List<?>) known.get("goalIds"))).containsExactly(
                "Ett fungerande och uppdaterat ANDTS arbete i kommunen.",
                "Minskat antal ungdomar som brukar vitt snus samt röker.",
                "Förbättrade resultat i kommande drogvaneundersökningar.");
    }

    @Test
    void theStadsdelsPlanOf2024ImportsWithExactFiguresPerFocusArea() {
        UUID plan = importJson(SeedPlans.json(SeedPlans.STADSDEL_2024));

        http.get().uri("/api/v1/plans/{id}/summary", plan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.focusAreas[*].name").isEqualTo(List.of("Otrygga och brottsutsatta platser",
                        "Särskilt utsatta och sårbara brottsoffer", "Kriminella miljöer och livsstilar"))
                .jsonPath("$.focusAreas[*].problems").isEqualTo(List.of(2, 7, 2))
                .jsonPath("$.focusAreas[*].causes").isEqualTo(List.of(2, 7, 2))
                .jsonPath("$.focusAreas[*].goals").isEqualTo(List.of(0, 0, 0))
                .jsonPath("$.focusAreas[*].measures").isEqualTo(List.of(5, 7, 2))
                .jsonPath("$.total.problems").isEqualTo(11)
                .jsonPath("$.total.measures").isEqualTo(14);
    }

    @Test
    void aKnownMeasureOfThe2024PlanKeepsItsScheduleUnitsCauseAndYearEndFollowUp() {
        UUID plan = importJson(SeedPlans.json(SeedPlans.STADSDEL_2024));

        Map<?, ?> known = measureTitled("Platssamverkan Klara");

        assertThat(unitsOf(known)).containsExactly("Stadsdelsförvaltningen", "Polisen");
        assertThat(object(known.get("schedule"))).containsEntry("type", "RECURRENCE")
                .containsEntry("text", "1 gång/månaden löpande")
                .containsEntry("recurrence", Map.of("times", 1, "per", "MONTH", "exceptMonths", List.of()));
        Map<?, ?> problem = problemOf(plan, known);
        assertThat(problem.get("title")).isEqualTo("Klaraområdet");
        assertThat(textsOf(problem, "causes", (List<?>) known.get("causeIds"))).singleElement()
                .asString().startsWith("I Klaraområdet är den anmälda brottsligheten hög");
        assertThat((List<?>) known.get("extraColumns")).singleElement().satisfies(column -> {
            assertThat(((Map<?, ?>) column).get("name")).isEqualTo("Uppföljning");
            assertThat((String) ((Map<?, ?>) column).get("value"))
                    .startsWith("Det strategiska forumet Platssamverkan klara har träffats 11 gånger under året");
        });
    }

    @Test
    void theStadsdelsPlanOf2025ImportsWithExactFiguresPerFocusArea() {
        UUID plan = importJson(SeedPlans.json(SeedPlans.STADSDEL_2025));

        http.get().uri("/api/v1/plans/{id}/summary", plan).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.focusAreas[*].name").isEqualTo(List.of("Unga i riskzon for destruktivt beteende",
                        "Otrygga och brottsutsatta platser", "Systemhotade brottslighet",
                        "Sarskilt utsatta och sarbara brottsoffer", "Kriminella miljoer och livsstilar"))
                .jsonPath("$.focusAreas[*].problems").isEqualTo(List.of(1, 0, 2, 3, 2))
                .jsonPath("$.focusAreas[*].causes").isEqualTo(List.of(1, 0, 3, 8, 2))
                .jsonPath("$.focusAreas[*].goals").isEqualTo(List.of(2, 0, 2, 10, 1))
                .jsonPath("$.focusAreas[*].measures").isEqualTo(List.of(2, 0, 6, 11, 2))
                .jsonPath("$.total.problems").isEqualTo(8)
                .jsonPath("$.total.causes").isEqualTo(14)
                .jsonPath("$.total.goals").isEqualTo(15)
                .jsonPath("$.total.measures").isEqualTo(21);
    }

    @Test
    void aKnownMeasureOfThe2025PlanCarriesItsCauseGoalAndBothUnitsWithTheirRole() {
        UUID plan = importJson(SeedPlans.json(SeedPlans.STADSDEL_2025));

        Map<?, ?> known = measureTitled(
                "Hemtjansten delar ut informationsmaterial om brott mot aldre och samtalar med den aldre om hur man kan skydda sig.");

        assertThat(unitsOf(known)).containsExactly("Hemtjanst", "Bestallare");
        assertThat(((List<?>) known.get("responsibleUnits")).stream().map(unit -> (Object) ((Map<?, ?>) unit).get("role")))
                .containsExactly("Enhetschefer", null);
        assertThat(known.get("kind")).isEqualTo("ORDINARY_WORK");
        assertThat(object(known.get("schedule"))).containsEntry("type", "CONTINUOUS").containsEntry("text", "Linjearbete");
        Map<?, ?> problem = problemOf(plan, known);
        assertThat(problem.get("title")).isEqualTo("Aldre");
        assertThat(textsOf(problem, "causes", (List<?>) known.get("causeIds")))
                .containsExactly("Utsatthet for brott i hemmet");
        assertThat(textsOf(problem, "goals", (List<?>) known.get("goalIds"))).containsExactly(
                "Att nd samtliga dldre med insatser av kommunal hemtjanst med information for att forebygga att de utsatts for brott");
    }

    @Test
    void unitsTheDirectoryLacksAreRegisteredAndReportedAsNeedingAddresses() {
        http.post().uri("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Kommunstyrelsekontoret", "abbreviation", "KSK", "contactEmails", List.of("ksk@example.se")))
                .exchange().expectStatus().isCreated();

        http.post().uri("/api/v1/plan-imports").contentType(MediaType.APPLICATION_JSON)
                .body(SeedPlans.json(SeedPlans.NORRTALJE_2024_2026)).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.unitsMatched").isEqualTo(List.of("KSK"))
                .jsonPath("$.unitsRegistered.length()").isEqualTo(12)
                .jsonPath("$.notes[?(@.severity == 'DOUBTFUL')].message").value(messages ->
                        assertThat((List<?>) messages).hasSize(12).allSatisfy(message ->
                                assertThat((String) message).contains("utan e-postadress")));
    }

    @ParameterizedTest
    @ValueSource(strings = { SeedPlans.NORRTALJE_2024_2026, SeedPlans.STADSDEL_2024, SeedPlans.STADSDEL_2025 })
    void aPlanExportedAsJsonImportsAgainAsTheSamePlanAndAsItsSourceDocument(String resource) {
        String seed = SeedPlans.json(resource);
        UUID plan = importJson(seed);
        String exported = exportJson(plan);

        UUID reimported = importJson(exported);

        assertThat(SeedPlans.normalised(exportJson(reimported))).isEqualTo(SeedPlans.normalised(exported));
        assertThat(SeedPlans.normalised(exported)).isEqualTo(SeedPlans.normalised(seed));
    }

    @Test
    void aDryRunReportsWithoutStoringAnything() {
        http.post().uri("/api/v1/plan-imports?dryRun=true").contentType(MediaType.APPLICATION_JSON)
                .body(SeedPlans.json(SeedPlans.NORRTALJE_2024_2026)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dryRun").isEqualTo(true)
                .jsonPath("$.planId").doesNotExist()
                .jsonPath("$.total.measures").isEqualTo(95);
        http.get().uri("/api/v1/plans").exchange().expectBody().jsonPath("$.totalElements").isEqualTo(0);
        http.get().uri("/api/v1/org-units").exchange().expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void anInvalidDocumentIsRefusedNamingEachPlaceAndNothingIsStored() {
        String broken = """
                {"format":"trygghetsnav.plan.v1","title":"Trasig plan","period":{"startYear":2025,"endYear":2026},
                 "focusAreas":[{"id":"fa1","name":"Unga i riskzon","problems":[{"id":"p1","title":"Skolan",
                   "causes":[{"id":"c1","text":" "}],
                   "measures":[{"id":"m1","title":"Skolvärdar","causeIds":["c9"],
                                "schedule":{"type":"DUE_DATE"}}]}]}]}
                """;

        http.post().uri("/api/v1/plan-imports").contentType(MediaType.APPLICATION_JSON).body(broken).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/invalid-plan-document")
                .jsonPath("$.errors[*].field").value(fields -> assertThat((List<Object>) fields).contains(
                        "focusAreas[0].problems[0].causes[0].text",
                        "focusAreas[0].problems[0].measures[0].causeIds",
                        "focusAreas[0].problems[0].measures[0].schedule.consistent"));
        http.get().uri("/api/v1/plans").exchange().expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    private UUID importJson(String document) {
        Map<?, ?> report = http.post().uri("/api/v1/plan-imports").contentType(MediaType.APPLICATION_JSON).body(document)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) report.get("planId"));
    }

    private String exportJson(UUID plan) {
        return http.get().uri("/api/v1/plans/{id}/document", plan).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private Map<?, ?> measureTitled(String title) {
        Map<?, ?> page = http.get().uri("/api/v1/measures?size=200").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("content")).stream().map(Map.class::cast)
                .filter(measure -> title.equals(measure.get("title")))
                .findFirst().orElseThrow(() -> new AssertionError("No measure titled " + title));
    }

    private Map<?, ?> problemOf(UUID plan, Map<?, ?> measure) {
        return http.get().uri("/api/v1/plans/{p}/problems/{id}", plan, measure.get("problemId")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The measure's responsible units by abbreviation, or by name where they have none. */
    private static List<Object> unitsOf(Map<?, ?> measure) {
        return ((List<?>) measure.get("responsibleUnits")).stream().map(Map.class::cast)
                .map(unit -> unit.get("abbreviation") != null ? unit.get("abbreviation") : unit.get("name")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object json) {
        return (Map<String, Object>) json;
    }

    private static List<Object> textsOf(Map<?, ?> problem, String elements, List<?> ids) {
        return ids.stream().map(id -> ((List<?>) problem.get(elements)).stream().map(Map.class::cast)
                .filter(element -> id.equals(element.get("id"))).findFirst().orElseThrow().get("text")).toList();
    }
}
