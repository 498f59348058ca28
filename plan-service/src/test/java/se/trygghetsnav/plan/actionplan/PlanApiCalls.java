package se.trygghetsnav.plan.actionplan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Short calls of plan-service's API for tests. */
final class PlanApiCalls {

    private PlanApiCalls() {
    }

    static UUID registerUnit(RestTestClient http, String organisationId, String name, String abbreviation, String email) {
        return idOf(http.post().uri("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("organisationId", organisationId, "name", name, "abbreviation", abbreviation,
                        "contactEmails", List.of(email)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    static UUID startPlan(RestTestClient http, String organisationId, String title) {
        return idOf(http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("organisationId", organisationId, "title", title,
                        "period", Map.of("startYear", 2024, "endYear", 2026)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    static UUID addMeasure(RestTestClient http, String organisationId, UUID planId, String title, String dueDate,
            UUID... units) {
        return idOf(http.post().uri("/api/v1/plans/{id}/measures", planId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("organisationId", organisationId, "title", title, "dueDate", dueDate,
                        "responsibleUnitIds", List.of(units)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private static UUID idOf(Map<?, ?> resource) {
        return UUID.fromString((String) resource.get("id"));
    }
}
