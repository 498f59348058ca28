package se.trygghetsnav.plan.actionplan;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.testkit.TestTokens;

/** Short calls of plan-service's API for tests; the organisation is the one of the client's token. */
final class PlanApiCalls {

    private PlanApiCalls() {
    }

    /** A client calling as {@code organisationId} with {@code roles}. */
    static RestTestClient as(int port, String organisationId, Role... roles) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(organisationId, roles)).build();
    }

    static UUID registerUnit(RestTestClient http, String name, String abbreviation, String email) {
        return idOf(http.post().uri("/api/v1/org-units").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "abbreviation", abbreviation, "contactEmails", List.of(email)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    static UUID startPlan(RestTestClient http, String title) {
        return idOf(http.post().uri("/api/v1/plans").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "period", Map.of("startYear", 2024, "endYear", 2026)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    static UUID addMeasure(RestTestClient http, UUID planId, String title, String dueDate, UUID... units) {
        return idOf(http.post().uri("/api/v1/plans/{id}/measures", planId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", title, "dueDate", dueDate, "responsibleUnitIds", List.of(units)))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private static UUID idOf(Map<?, ?> resource) {
        return UUID.fromString((String) resource.get("id"));
    }
}
