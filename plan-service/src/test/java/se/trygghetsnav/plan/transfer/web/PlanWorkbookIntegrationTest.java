package se.trygghetsnav.plan.transfer.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.plandocument.SeedPlans;
import se.trygghetsnav.plandocument.xlsx.HandBuiltWorkbook;
import se.trygghetsnav.testkit.TestTokens;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workbooks through the API: a plan exported as XLSX imports again as the same plan, a hand-typed workbook is
 * read with notes on what to check, and a file that is no plan workbook is refused saying what was expected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class PlanWorkbookIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    RestTestClient http;

    @BeforeEach
    void setUp() {
        http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer("org-" + UUID.randomUUID(), Role.COORDINATOR))
                .build();
    }

    @Test
    void seed001ExportedAsAWorkbookImportsAgainAsTheSamePlanWithItsFollowUpTexts() {
        String seed = SeedPlans.json(SeedPlans.STADSDEL_2024);
        UUID plan = importJson(seed);

        byte[] workbook = http.get().uri("/api/v1/plans/{id}/workbook", plan).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(WorkbookUpload.XLSX)
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, disposition ->
                        assertThat(disposition).startsWith("attachment").contains("atgardsplan-" + plan + ".xlsx"))
                .expectBody(byte[].class).returnResult().getResponseBody();
        Map<?, ?> report = http.post().uri("/api/v1/plan-imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(WorkbookUpload.of(workbook, "atgardsplan.xlsx")).exchange()
                .expectStatus().isCreated()
                .expectHeader().value(HttpHeaders.LOCATION, location -> assertThat(location).startsWith("/api/v1/plans/"))
                .expectBody(Map.class).returnResult().getResponseBody();
        UUID reimported = UUID.fromString((String) report.get("planId"));
        String document = http.get().uri("/api/v1/plans/{id}/document", reimported).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(SeedPlans.normalised(document)).isEqualTo(SeedPlans.normalised(seed));
        List<JsonNode> measures = JSON.readTree(document).findValues("measures").stream()
                .flatMap(list -> list.valueStream()).toList();
        assertThat(measures).hasSize(14).allSatisfy(measure ->
                assertThat(measure.path("extraColumns").get(0).path("name").asString()).isEqualTo("Uppföljning"));
        assertThat(measures).anySatisfy(measure -> assertThat(measure.path("extraColumns").get(0).path("value").asString())
                .endsWith("Socialtjänsten har även deltagit..."));
        assertThat(report.get("title")).isEqualTo("Åtgärdsplan 2024");
    }

    @Test
    void aDryRunOfAHandTypedWorkbookReportsWhatToCheckAndStoresNothing() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Otrygga platser")
                .row("Prioriterat samverkansområde", "Orsak", "Atgérd", "När", "Vem", "Budget")
                .row("Klaraområdet", "Öppen drogscen.", "Platssamverkan Klara", "Vid behov", "Stadsdelsförvaltningen, Polisen", "25 000")
                .row("Odenplan", "", "Platssamverkan Odenplan", "2 gånger/termin", "Polisen", "");

        http.post().uri("/api/v1/plan-imports?dryRun=true&title={title}", "Åtgärdsplan City 2025")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(WorkbookUpload.of(workbook.bytes(), "plan.xlsx")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.dryRun").isEqualTo(true)
                .jsonPath("$.planId").doesNotExist()
                .jsonPath("$.title").isEqualTo("Åtgärdsplan City 2025")
                .jsonPath("$.total.measures").isEqualTo(2)
                .jsonPath("$.notes[?(@.severity == 'DOUBTFUL' && @.column == 'Budget')].row").isEqualTo(List.of(1))
                .jsonPath("$.notes[?(@.severity == 'DOUBTFUL' && @.column == 'När')].sheet").isEqualTo(List.of("Otrygga platser"))
                .jsonPath("$.notes[?(@.severity == 'DOUBTFUL' && @.column == 'Orsak')].message").value(messages ->
                        assertThat((List<?>) messages).singleElement().asString().contains("Platssamverkan Odenplan"))
                .jsonPath("$.notes[?(@.severity == 'INFO' && @.column == 'Atgérd')].message").value(messages ->
                        assertThat((List<?>) messages).singleElement().asString().contains("Åtgärd"));
        http.get().uri("/api/v1/plans").exchange().expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedWith422SayingWhatWasExpected() {
        byte[] csv = "Orsak;Åtgärd;Vem\nMörka stråk;Belysning;KSK\n".getBytes(StandardCharsets.UTF_8);

        http.post().uri("/api/v1/plan-imports").contentType(MediaType.MULTIPART_FORM_DATA).body(WorkbookUpload.of(csv, "plan.csv"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/unreadable-workbook")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains(".xlsx", "file"));
        http.post().uri("/api/v1/plan-imports").header(HttpHeaders.ACCEPT_LANGUAGE, "sv")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(WorkbookUpload.of(csv, "plan.csv")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Inte en arbetsbok")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("Excel-arbetsbok"));
    }

    @Test
    void aWorkbookWithoutAPlanTableIsRefusedWith422NamingTheColumnsItLooksFor() {
        HandBuiltWorkbook workbook = new HandBuiltWorkbook();
        workbook.sheet("Budget").row("Post", "Belopp").row("Belysning", "25 000");

        http.post().uri("/api/v1/plan-imports").header(HttpHeaders.ACCEPT_LANGUAGE, "sv")
                .contentType(MediaType.MULTIPART_FORM_DATA).body(WorkbookUpload.of(workbook.bytes(), "budget.xlsx")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/workbook-without-plan-table")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .contains("(Budget)", "Orsak | Operativt mål | Åtgärd | Ansvarig för åtgärd"));
        http.get().uri("/api/v1/plans").exchange().expectBody().jsonPath("$.totalElements").isEqualTo(0);
    }

    private UUID importJson(String document) {
        Map<?, ?> report = http.post().uri("/api/v1/plan-imports").contentType(MediaType.APPLICATION_JSON).body(document)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) report.get("planId"));
    }
}
