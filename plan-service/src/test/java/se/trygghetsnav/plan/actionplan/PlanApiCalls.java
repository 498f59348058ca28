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

    /** A focus area with one problem, one cause and one goal, ready for measures. */
    static ProblemRef addProblem(RestTestClient http, UUID planId) {
        UUID area = idOf(post(http, "/api/v1/plans/{id}/focus-areas", planId,
                Map.of("name", "Unga i riskzon", "rationale", "Barn och unga ska ha en trygg uppväxt.")));
        UUID problem = idOf(post(http, "/api/v1/plans/{id}/focus-areas/" + area + "/problems", planId,
                Map.of("title", "Trygghet i skola")));
        UUID cause = idOf(post(http, "/api/v1/plans/{id}/problems/" + problem + "/causes", planId,
                Map.of("text", "Skolan är den vanligaste platsen för 15-åringar att bli utsatta för grovt våld.")));
        UUID goal = idOf(post(http, "/api/v1/plans/{id}/problems/" + problem + "/goals", planId,
                Map.of("text", "Elever ska känna sig trygga i skolan.")));
        return new ProblemRef(area, problem, cause, goal);
    }

    /** Where measures go: a problem with its cause and goal. */
    record ProblemRef(UUID focusAreaId, UUID problemId, UUID causeId, UUID goalId) {
    }

    /** Adds a measure due on a day, linked to the problem's cause and goal. */
    static UUID addMeasure(RestTestClient http, UUID planId, ProblemRef problem, String title, String dueDate,
            UUID... units) {
        return idOf(post(http, "/api/v1/plans/{id}/problems/" + problem.problemId() + "/measures", planId,
                measureBody(problem, title, dueDate, units)));
    }

    static Map<String, Object> measureBody(ProblemRef problem, String title, String dueDate, UUID... units) {
        return Map.of("title", title, "schedule", Map.of("type", "DUE_DATE", "dueDate", dueDate),
                "responsible", List.of(units).stream().map(unit -> Map.of("unitId", unit)).toList(),
                "causeIds", List.of(problem.causeId()), "goalIds", List.of(problem.goalId()));
    }

    private static Map<?, ?> post(RestTestClient http, String uri, UUID planId, Object body) {
        return http.post().uri(uri, planId).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static UUID idOf(Map<?, ?> resource) {
        return UUID.fromString((String) resource.get("id"));
    }
}
