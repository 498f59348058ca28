package se.trygghetsnav.plan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.testkit.EndpointSecurityContract;

import static se.trygghetsnav.commons.security.Role.COORDINATOR;
import static se.trygghetsnav.commons.security.Role.READER;
import static se.trygghetsnav.commons.security.Role.UNIT_USER;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.get;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.post;

class EndpointSecurityIntegrationTest extends EndpointSecurityContract {

    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                post("/api/v1/org-units", data -> Map.of("name", "Kultur och fritid", "contactEmails", List.of("kof@example.se")),
                        COORDINATOR),
                get("/api/v1/org-units", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/org-units/{unitId}", COORDINATOR, UNIT_USER, READER),
                post("/api/v1/plans", data -> Map.of("title", "Plan", "period", Map.of("startYear", 2025, "endYear", 2026)),
                        COORDINATOR),
                get("/api/v1/plans", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/plans/{planId}", COORDINATOR, UNIT_USER, READER),
                post("/api/v1/plans/{planId}/measures",
                        data -> Map.of("title", "Åtgärd", "responsibleUnitIds", List.of(data.get("unitId"))), COORDINATOR),
                get("/api/v1/plans/{planId}/measures/{measureId}", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/audit-entries", COORDINATOR));
    }

    @Override
    protected Map<String, Object> createOwnData(String organisationId, RestTestClient asCoordinator) {
        String unit = id(asCoordinator.post().uri("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Kommunstyrelsekontoret", "contactEmails", List.of("ksk@example.se"))));
        String plan = id(asCoordinator.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Plan", "period", Map.of("startYear", 2025, "endYear", 2026))));
        String measure = id(asCoordinator.post().uri("/api/v1/plans/{plan}/measures", plan).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "Åtgärd", "responsibleUnitIds", List.of(unit))));
        return Map.of("unitId", unit, "planId", plan, "measureId", measure, "unused", UUID.randomUUID());
    }

    private static String id(RestTestClient.RequestHeadersSpec<?> request) {
        return (String) request.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
    }
}
