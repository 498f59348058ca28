package se.trygghetsnav.system;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.est.EstLagesbildServiceApplication;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.followup.FollowupServiceApplication;
import se.trygghetsnav.plan.PlanServiceApplication;
import se.trygghetsnav.testkit.TestTokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 6's "a decision linked to a plan measure reaches followup-service as evidence", across the three real
 * services on the test broker and MongoDB server: a plan is imported and adopted through plan-service's API; its
 * measure reaches est-lagesbild-service (which only lets a decision serve a measure it knows from plan.events)
 * and followup-service; an EST coordinator of the same municipality records a decision serving the measure
 * through est-lagesbild-service's API, and follows it up at the next week's meeting; both show on the measure
 * through followup-service's API, having gone only through est.events.
 */
class EstDecisionEvidenceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static RunningServices services;
    private static int planPort;
    private static int estPort;
    private static int followupPort;

    @BeforeAll
    static void startServices() {
        services = new RunningServices();
        planPort = RunningServices.port(services.start(PlanServiceApplication.class));
        estPort = RunningServices.port(services.start(EstLagesbildServiceApplication.class));
        ConfigurableApplicationContext followup = services.start(FollowupServiceApplication.class,
                Map.of("trygghetsnav.followup.overdue.sweep-enabled", false));
        followupPort = RunningServices.port(followup);
    }

    @AfterAll
    static void stopServices() {
        services.close();
    }

    @Test
    void aDecisionServingAPlanMeasureAndItsFollowUpShowOnTheMeasureInFollowupService() {
        String municipality = "kommun-" + UUID.randomUUID();
        String police = "polis-" + UUID.randomUUID();
        RestTestClient plans = client(planPort, TestTokens.bearer(municipality, Role.COORDINATOR));
        RestTestClient est = client(estPort, TestTokens.bearer(municipality, Role.EST_COORDINATOR, Role.EST_MEMBER));
        RestTestClient followup = client(followupPort, TestTokens.bearer(municipality, Role.COORDINATOR));

        UUID planId = adoptedPlan(plans);
        UUID measureId = UUID.fromString(json(plans.get().uri("/api/v1/plans/{plan}/measures", planId), 200)
                .path("content").path(0).path("id").asString());

        JsonNode group = json(est.post().uri("/api/v1/est-groups").contentType(MediaType.APPLICATION_JSON).body(Map.of(
                "name", "EST Centrum",
                "members", List.of(
                        Map.of("name", "Kommunstyrelsekontoret", "kind", "MUNICIPAL_DEPARTMENT", "organisationId", municipality),
                        Map.of("name", "Polisen, lokalpolisområde", "kind", "POLICE", "organisationId", police)),
                "schedule", Map.of("cutOffDay", "MONDAY", "cutOffTime", "12:00", "meetingDay", "TUESDAY", "meetingTime", "10:00"),
                "places", List.of(Map.of("name", "Torget", "area", "Centrum", "type", "SQUARE", "latitude", 59.7590,
                        "longitude", 18.7020)))), 201);
        String groupId = group.path("id").asString();
        String responsibleMember = memberOf(group, police);
        // Last week's meeting decides; this week's follows it up (a meeting cannot follow up its own decisions).
        IsoWeek thisWeek = IsoWeek.of(LocalDate.now(ZoneId.of("Europe/Stockholm")));
        IsoWeek lastWeek = thisWeek.minusWeeks(1);

        Map<String, Object> decision = Map.of("kind", "TARGETED_PRESENCE", "what", "Riktad närvaro vid torget kvällstid",
                "placeId", group.path("places").path(0).path("placeId").asString(),
                "startDate", lastWeek.monday().plusDays(4).toString(), "endDate", lastWeek.sunday().toString(),
                "timeBand", "EVENING", "responsibleMemberId", responsibleMember, "measureId", measureId.toString());
        // est-lagesbild-service knows the measure once plan-service's measure-added event has reached it.
        JsonNode decided = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> jsonOrNull(est.post().uri("/api/v1/est-groups/{g}/weeks/{w}/decisions", groupId, lastWeek)
                        .contentType(MediaType.APPLICATION_JSON).body(decision), 201),
                body -> body != null);
        String decisionId = decided.path("decisionId").asString();
        json(est.put().uri("/api/v1/est-groups/{g}/weeks/{w}/follow-ups/{d}", groupId, thisWeek, decisionId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("outcome", "DONE", "note", "Genomförd fredag och lördag.")), 200);

        JsonNode evidence = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(250)).until(
                () -> jsonOrNull(followup.get().uri("/api/v1/measures/{m}/followup", measureId), 200),
                body -> body != null && body.path("measure").path("evidence").path(0).path("followUp").isObject())
                .path("measure").path("evidence");

        assertThat(evidence).hasSize(1);
        JsonNode shown = evidence.path(0);
        assertThat(shown.path("decisionId").asString()).isEqualTo(decisionId);
        assertThat(shown.path("groupId").asString()).isEqualTo(groupId);
        assertThat(shown.path("decidedInWeek").asString()).isEqualTo(lastWeek.toString());
        assertThat(shown.path("kind").asString()).isEqualTo("TARGETED_PRESENCE");
        assertThat(shown.path("decision").path("area").asString()).isEqualTo("Centrum");
        assertThat(shown.path("decision").path("timeBand").asString()).isEqualTo("EVENING");
        assertThat(shown.path("decision").path("responsibleOrganisationId").asString()).isEqualTo(police);
        assertThat(shown.path("followUp").path("outcome").asString()).isEqualTo("DONE");
        assertThat(shown.path("followUp").path("recordedInWeek").asString()).isEqualTo(thisWeek.toString());

        JsonNode planView = json(followup.get().uri("/api/v1/plans/{plan}/followup", planId), 200);
        assertThat(planView.path("measures").path(0).path("evidence").findValuesAsString("decisionId"))
                .containsExactly(decisionId);
        assertThat(jsonOrNull(client(followupPort, TestTokens.bearer("kommun-" + UUID.randomUUID(), Role.COORDINATOR))
                .get().uri("/api/v1/measures/{m}/followup", measureId), 200))
                .as("another municipality sees nothing of the measure or its evidence").isNull();
    }

    /** A one-measure plan imported and adopted through plan-service's API. */
    private static UUID adoptedPlan(RestTestClient plans) {
        JsonNode imported = json(plans.post().uri("/api/v1/plan-imports").contentType(MediaType.APPLICATION_JSON).body("""
                {"format":"trygghetsnav.plan.v1","title":"Brottsförebyggande åtgärdsplan 2026–2028",
                 "period":{"startYear":2026,"endYear":2028},
                 "focusAreas":[{"id":"fa1","name":"Trygghet i offentlig miljö","problems":[{"id":"p1","title":"Torget",
                   "causes":[{"id":"c1","text":"Otrygga stråk kvällstid"}],"goals":[{"id":"g1","text":"Ökad upplevd trygghet"}],
                   "measures":[{"id":"m1","title":"Riktad närvaro vid torget","schedule":{"type":"CONTINUOUS"},
                     "responsible":[{"unit":"KSK"}],"causeIds":["c1"],"goalIds":["g1"]}]}]}]}"""), 201);
        UUID planId = UUID.fromString(imported.path("planId").asString());
        json(plans.post().uri("/api/v1/plans/{plan}/adoption", planId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decidingBody", "Kommunstyrelsen", "decisionDate", "2026-01-20", "reference", "KS 2026/12")), 200);
        return planId;
    }

    private static String memberOf(JsonNode group, String organisationId) {
        for (JsonNode member : group.path("members")) {
            if (organisationId.equals(member.path("organisationId").asString())) {
                return member.path("memberId").asString();
            }
        }
        throw new AssertionError("No member of organisation " + organisationId + " in " + group);
    }

    private static RestTestClient client(int port, String bearer) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, bearer).build();
    }

    private static JsonNode json(RestTestClient.RequestHeadersSpec<?> request, int status) {
        JsonNode body = jsonOrNull(request, status);
        assertThat(body).as("an answer with status %d", status).isNotNull();
        return body;
    }

    /** The body as JSON when the answer has {@code status}, else null. */
    private static JsonNode jsonOrNull(RestTestClient.RequestHeadersSpec<?> request, int status) {
        EntityExchangeResult<byte[]> result = request.exchange().expectBody().returnResult();
        return result.getStatus().value() == status ? JSON.readTree(result.getResponseBody()) : null;
    }
}
