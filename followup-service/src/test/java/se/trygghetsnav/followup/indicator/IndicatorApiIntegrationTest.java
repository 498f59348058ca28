package se.trygghetsnav.followup.indicator;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.followup.testing.FollowupApi;
import se.trygghetsnav.followup.testing.FollowupEvents;
import se.trygghetsnav.followup.testing.PlanEventStream;
import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class IndicatorApiIntegrationTest {

    @LocalServerPort
    int port;

    private final String organisation = "org-" + UUID.randomUUID();
    private PlanEventStream plan;
    private UUID area;
    private UUID goal;

    @Test
    void goalValuesAreComparedWithTheGoalsBaselineAndTargetAndAnnounced() {
        givenAPlan();
        recordValue(Map.of("goalId", goal, "value", 80, "unit", "%", "periodStart", "2023-01-01", "periodEnd", "2023-12-31",
                "source", "Stockholmsenkäten")).expectStatus().isCreated();
        JsonNode recorded = recordValue(Map.of("goalId", goal, "value", 82.5, "unit", "%", "periodStart", "2024-01-01",
                "periodEnd", "2024-12-31", "source", "Stockholmsenkäten", "note", "Svarsfrekvens 71 %"))
                .expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(recorded.path("values").size()).isEqualTo(2);

        JsonNode goalIndicator = indicator(FollowupApi.as(port, organisation, Role.READER)
                .getOrNull("/api/v1/plans/{id}/indicators", plan.planId()), "GOAL");
        assertThat(goalIndicator.path("text").asString()).isEqualTo("Andel trygga elever i åk 9");
        assertThat(goalIndicator.path("baselineValue").decimalValue()).isEqualByComparingTo("78");
        assertThat(goalIndicator.path("targetValue").decimalValue()).isEqualByComparingTo("85");
        assertThat(goalIndicator.path("higherIsBetter").asBoolean()).isTrue();
        assertThat(goalIndicator.path("latest").path("value").decimalValue()).isEqualByComparingTo("82.5");
        JsonNode comparison = goalIndicator.path("comparison");
        assertThat(comparison.path("reference").asString()).isEqualTo("BASELINE");
        assertThat(comparison.path("change").decimalValue()).isEqualByComparingTo("4.5");
        assertThat(comparison.path("progressPercent").decimalValue()).isEqualByComparingTo("64.3");
        assertThat(comparison.path("improving").asBoolean()).isTrue();
        assertThat(comparison.path("targetMet").asBoolean()).isFalse();

        List<JsonNode> events = FollowupEvents.await("se.trygghetsnav.followup.indicator-recorded.v1",
                goalIndicator.path("seriesId").asString(), 2);
        assertThat(events).extracting(event -> event.path("value").decimalValue().toPlainString()).containsExactly("80", "82.5");
        assertThat(events).allSatisfy(event -> assertThat(event.toString()).doesNotContain("Svarsfrekvens"));
    }

    @Test
    void aFocusAreaIndicatorIsComparedWithItsFirstValueTheWayThePlanSaysIsBetter() {
        givenAPlan();
        recordValue(Map.of("focusAreaId", area, "indicatorIndex", 0, "value", 70, "date", "2024-03-01", "source", "NTU"))
                .expectStatus().isCreated();
        recordValue(Map.of("focusAreaId", area, "indicatorIndex", 0, "value", 65, "date", "2025-03-01", "source", "NTU"))
                .expectStatus().isCreated();

        JsonNode areaIndicator = indicator(FollowupApi.as(port, organisation, Role.UNIT_USER)
                .getOrNull("/api/v1/plans/{id}/indicators", plan.planId()), "FOCUS_AREA_INDICATOR");
        assertThat(areaIndicator.path("dataSource").asString()).isEqualTo("Polisens trygghetsmätning");
        assertThat(areaIndicator.path("values").findValuesAsString("source")).containsExactly("NTU", "NTU");
        assertThat(areaIndicator.path("comparison").path("reference").asString()).isEqualTo("FIRST_VALUE");
        assertThat(areaIndicator.path("comparison").path("change").decimalValue()).isEqualByComparingTo("-5");
        assertThat(areaIndicator.path("comparison").path("improving").asBoolean()).isFalse();
    }

    @Test
    void aValueMustNameOneIndicatorOfThePlanAndItsNoteNoPersonnummer() {
        givenAPlan();
        recordValue(Map.of("goalId", goal, "focusAreaId", area, "indicatorIndex", 0, "value", 1, "date", "2025-01-01",
                "source", "NTU")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("oneTarget");
        recordValue(Map.of("goalId", goal, "value", 1, "source", "NTU")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("dateOrPeriod");
        recordValue(Map.of("goalId", UUID.randomUUID(), "value", 1, "date", "2025-01-01", "source", "NTU"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/unknown-indicator");
        recordValue(Map.of("focusAreaId", area, "indicatorIndex", 5, "value", 1, "date", "2025-01-01", "source", "NTU"))
                .expectStatus().isEqualTo(422);
        Map<String, Object> withPersonnummer = new HashMap<>(Map.of("goalId", goal, "value", 1, "date", "2025-01-01",
                "source", "Egen räkning", "note", "Uppgift från 121212-1212"));
        recordValue(withPersonnummer).expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/personal-identity-number");
    }

    private void givenAPlan() {
        plan = PlanEventStream.create(organisation, "Plan med indikatorer");
        area = plan.focusArea("Trygghet i offentlig miljö",
                PlanEventStream.indicator("Andel som känner sig trygga utomhus kvällstid", "Polisens trygghetsmätning", true));
        UUID problem = plan.problem(area, "Skolan");
        goal = plan.goal(problem, "Fler elever ska känna sig trygga.", "Andel trygga elever i åk 9", "78 % (2022)", "85 %",
                LocalDate.of(2026, 12, 31));
        FollowupApi.as(port, organisation, Role.COORDINATOR).awaitGet(body -> body.path("focusAreas").path(0)
                .path("problems").path(0).path("goals").size() == 1, "/api/v1/plans/{id}/followup", plan.planId());
    }

    private RestTestClient.ResponseSpec recordValue(Map<String, Object> body) {
        return FollowupApi.as(port, organisation, Role.COORDINATOR).http().post()
                .uri("/api/v1/plans/{id}/indicator-values", plan.planId()).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange();
    }

    private static JsonNode indicator(JsonNode indicators, String kind) {
        for (JsonNode indicator : indicators) {
            if (indicator.path("kind").asString().equals(kind)) {
                return indicator;
            }
        }
        throw new AssertionError("No " + kind + " in " + indicators);
    }
}
