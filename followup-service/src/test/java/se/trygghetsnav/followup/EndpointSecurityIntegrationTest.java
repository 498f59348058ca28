package se.trygghetsnav.followup;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.followup.testing.PlanEventStream;
import se.trygghetsnav.followup.testing.PlanEventStream.MeasureSpec;
import se.trygghetsnav.followup.testing.PlanEventStream.Unit;
import se.trygghetsnav.testkit.EndpointSecurityContract;

import static org.awaitility.Awaitility.await;
import static se.trygghetsnav.commons.security.Role.COORDINATOR;
import static se.trygghetsnav.commons.security.Role.READER;
import static se.trygghetsnav.commons.security.Role.UNIT_USER;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.get;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.post;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.put;

class EndpointSecurityIntegrationTest extends EndpointSecurityContract {

    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                get("/api/v1/plans/{planId}/followup", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/measures/{measureId}/followup", COORDINATOR, UNIT_USER, READER),
                post("/api/v1/plans/{planId}/rounds", data -> Map.of("kind", "CUSTOM", "name", "Extra uppföljning",
                        "periodStart", "2030-01-01", "periodEnd", "2030-06-30", "dueDate", "2030-07-31"), COORDINATOR),
                get("/api/v1/plans/{planId}/rounds", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/rounds/{roundId}", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/rounds/{roundId}/completeness", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/rounds/{roundId}/report", COORDINATOR, UNIT_USER, READER),
                post("/api/v1/rounds/{roundId}/closure", data -> Map.of(), COORDINATOR).using("roundId", "closableRoundId"),
                // Unit users may report too, but only with a unit responsible for the measure, which the contract's
                // tokens do not name: RoundApiIntegrationTest shows them reporting and being refused other units' measures.
                put("/api/v1/rounds/{roundId}/reports/{measureId}", data -> Map.of("status", "ONGOING"), COORDINATOR),
                get("/api/v1/rounds/{roundId}/reports/{measureId}", COORDINATOR, READER),
                get("/api/v1/rounds/{roundId}/reports/{measureId}/history", COORDINATOR, READER),
                post("/api/v1/plans/{planId}/indicator-values", data -> Map.of("focusAreaId", data.get("focusAreaId"),
                        "indicatorIndex", 0, "value", 71.5, "date", "2025-03-01", "source", "NTU"), COORDINATOR),
                get("/api/v1/plans/{planId}/indicators", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/audit-entries", COORDINATOR));
    }

    /**
     * followup-service learns plans from plan.events: the owner's adopted plan with one measure is sent there as
     * plan-service would, and awaited.
     */
    @Override
    protected Map<String, Object> createOwnData(String organisationId, RestTestClient asCoordinator) {
        Unit unit = Unit.named("Kommunstyrelsekontoret", "KSK");
        PlanEventStream plan = PlanEventStream.create(organisationId, "Plan");
        UUID area = plan.focusArea("Trygghet", PlanEventStream.indicator("Andel trygga", "NTU", true));
        UUID problem = plan.problem(area, "Centrum");
        UUID measure = plan.measure(MeasureSpec.dueOn(area, problem, "Åtgärd", LocalDate.of(2030, 12, 31), unit));
        plan.adopt(LocalDate.of(2025, 3, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> asCoordinator.get().uri("/api/v1/measures/{id}/followup", measure)
                .exchange().returnResult().getStatus().is2xxSuccessful());
        Map<String, Object> data = new HashMap<>();
        String round = openRound(asCoordinator, plan.planId(), "TERTIAL_1");
        asCoordinator.put().uri("/api/v1/rounds/{r}/reports/{m}", round, measure).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("status", "NOT_STARTED")).exchange().expectStatus().isCreated();
        data.put("roundId", round);
        data.put("closableRoundId", openRound(asCoordinator, plan.planId(), "TERTIAL_2"));
        data.put("planId", plan.planId());
        data.put("focusAreaId", area);
        data.put("measureId", measure);
        data.put("unitId", unit.unitId());
        return data;
    }

    private static String openRound(RestTestClient asCoordinator, UUID planId, String kind) {
        return (String) asCoordinator.post().uri("/api/v1/plans/{id}/rounds", planId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("kind", kind, "year", 2030, "dueDate", "2030-12-15")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
