package se.trygghetsnav.followup;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

class EndpointSecurityIntegrationTest extends EndpointSecurityContract {

    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                get("/api/v1/plans/{planId}/followup", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/measures/{measureId}/followup", COORDINATOR, UNIT_USER, READER),
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
        UUID area = plan.focusArea("Trygghet");
        UUID problem = plan.problem(area, "Centrum");
        UUID measure = plan.measure(MeasureSpec.dueOn(area, problem, "Åtgärd", LocalDate.of(2030, 12, 31), unit));
        plan.adopt(LocalDate.of(2025, 3, 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> asCoordinator.get().uri("/api/v1/measures/{id}/followup", measure)
                .exchange().returnResult().getStatus().is2xxSuccessful());
        Map<String, Object> data = new HashMap<>();
        data.put("planId", plan.planId());
        data.put("measureId", measure);
        data.put("unitId", unit.unitId());
        return data;
    }
}
