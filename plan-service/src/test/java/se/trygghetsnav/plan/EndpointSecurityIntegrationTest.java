package se.trygghetsnav.plan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.plan.transfer.web.WorkbookUpload;
import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.PlanDocument;
import se.trygghetsnav.plandocument.xlsx.XlsxPlanExport;
import se.trygghetsnav.testkit.EndpointSecurityContract;
import se.trygghetsnav.testkit.TestTokens;

import static se.trygghetsnav.commons.security.Role.COORDINATOR;
import static se.trygghetsnav.commons.security.Role.READER;
import static se.trygghetsnav.commons.security.Role.UNIT_USER;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.delete;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.get;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.post;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.put;

class EndpointSecurityIntegrationTest extends EndpointSecurityContract {

    private static final Map<String, Object> PLAN = Map.of("title", "Plan", "period", Map.of("startYear", 2025, "endYear", 2026));

    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                post("/api/v1/org-units", data -> unit("Kultur och fritid"), COORDINATOR),
                get("/api/v1/org-units", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/org-units/{unitId}", COORDINATOR, UNIT_USER, READER),
                put("/api/v1/org-units/{unitId}", data -> unit("Kommunstyrelsekontoret"), COORDINATOR),
                post("/api/v1/plans", data -> PLAN, COORDINATOR),
                get("/api/v1/plans", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/plans/{planId}", COORDINATOR, UNIT_USER, READER),
                put("/api/v1/plans/{planId}", data -> PLAN, COORDINATOR),
                delete("/api/v1/plans/{planId}", COORDINATOR).using("planId", "discardPlanId"),
                post("/api/v1/plans/{planId}/withdrawal", data -> Map.of(), COORDINATOR).using("planId", "withdrawPlanId"),
                get("/api/v1/plans/{planId}/readiness", COORDINATOR, UNIT_USER, READER),
                post("/api/v1/plans/{planId}/adoption",
                        data -> Map.of("decidingBody", "Kommunstyrelsen", "decisionDate", "2025-03-01"), COORDINATOR)
                        .using("planId", "readyPlanId"),
                post("/api/v1/plans/{planId}/revisions", data -> Map.of(), COORDINATOR).using("planId", "adoptedPlanId"),
                get("/api/v1/plans/{planId}/revisions", COORDINATOR, UNIT_USER, READER),
                post("/api/v1/plans/{planId}/copies", data -> Map.of(), COORDINATOR),
                get("/api/v1/plans/{planId}/summary", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/plans/{planId}/document", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/plans/{planId}/workbook", COORDINATOR, UNIT_USER, READER),
                // The JSON import; the workbook import (multipart, same path) is checked in workbookImportKeepsTheseRules.
                post("/api/v1/plan-imports", data -> Map.of("format", "trygghetsnav.plan.v1", "title", "Importerad plan",
                        "period", Map.of("startYear", 2025, "endYear", 2026)), COORDINATOR),
                get("/api/v1/plan-events?follow=false", COORDINATOR, UNIT_USER, READER),
                post("/api/v1/plans/{planId}/focus-areas", data -> Map.of("name", "Trygghet i offentlig miljö"), COORDINATOR),
                get("/api/v1/plans/{planId}/focus-areas/{focusAreaId}", COORDINATOR, UNIT_USER, READER),
                put("/api/v1/plans/{planId}/focus-areas/{focusAreaId}", data -> Map.of("name", "Unga i riskzon"), COORDINATOR),
                delete("/api/v1/plans/{planId}/focus-areas/{focusAreaId}", COORDINATOR).using("focusAreaId", "removableFocusAreaId"),
                post("/api/v1/plans/{planId}/focus-areas/{focusAreaId}/problems", data -> Map.of("title", "Centrum"), COORDINATOR),
                get("/api/v1/plans/{planId}/problems/{problemId}", COORDINATOR, UNIT_USER, READER),
                put("/api/v1/plans/{planId}/problems/{problemId}", data -> Map.of("title", "Trygghet i skola"), COORDINATOR),
                delete("/api/v1/plans/{planId}/problems/{problemId}", COORDINATOR).using("problemId", "removableProblemId"),
                post("/api/v1/plans/{planId}/problems/{problemId}/causes", data -> Map.of("text", "Mörka gångstråk"), COORDINATOR),
                get("/api/v1/plans/{planId}/causes/{causeId}", COORDINATOR, UNIT_USER, READER),
                put("/api/v1/plans/{planId}/causes/{causeId}", data -> Map.of("text", "Otrygga skolgårdar"), COORDINATOR),
                delete("/api/v1/plans/{planId}/causes/{causeId}", COORDINATOR).using("causeId", "removableCauseId"),
                post("/api/v1/plans/{planId}/problems/{problemId}/goals", data -> Map.of("text", "Ökad trygghet"), COORDINATOR),
                get("/api/v1/plans/{planId}/goals/{goalId}", COORDINATOR, UNIT_USER, READER),
                put("/api/v1/plans/{planId}/goals/{goalId}", data -> Map.of("text", "Elever känner sig trygga"), COORDINATOR),
                delete("/api/v1/plans/{planId}/goals/{goalId}", COORDINATOR).using("goalId", "removableGoalId"),
                post("/api/v1/plans/{planId}/problems/{problemId}/measures", EndpointSecurityIntegrationTest::measure, COORDINATOR),
                get("/api/v1/plans/{planId}/measures/{measureId}", COORDINATOR, UNIT_USER, READER),
                put("/api/v1/plans/{planId}/measures/{measureId}", EndpointSecurityIntegrationTest::measure, COORDINATOR),
                delete("/api/v1/plans/{planId}/measures/{measureId}", COORDINATOR).using("measureId", "removableMeasureId"),
                get("/api/v1/plans/{planId}/measures", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/measures", COORDINATOR, UNIT_USER, READER),
                get("/api/v1/audit-entries", COORDINATOR));
    }

    /**
     * The workbook import shares its path with the JSON import, and the contract sends JSON only: its rules are
     * checked here with a multipart upload.
     */
    @Test
    void workbookImportKeepsTheseRules() throws IOException {
        String organisation = "org-" + UUID.randomUUID();
        ByteArrayOutputStream workbook = new ByteArrayOutputStream();
        XlsxPlanExport.write(new PlanDocument(PlanDocument.FORMAT, "Importerad plan", new PlanDocument.Period(2025, 2026),
                null, null, List.of(), null, List.of(new PlanDocument.Column(ColumnField.MEASURE, "Åtgärd")), List.of(),
                List.of(new PlanDocument.FocusArea("fa1", "Unga i riskzon", null, List.of(), List.of()))), workbook);

        uploadAs(null, workbook.toByteArray()).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/unauthenticated");
        uploadAs(TestTokens.bearer(organisation, TestTokens.rolesExcept(List.of(COORDINATOR))), workbook.toByteArray())
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("https://trygghetsnav.se/problems/forbidden");
        uploadAs(TestTokens.bearer(organisation, COORDINATOR), workbook.toByteArray()).expectStatus().isCreated();
    }

    private RestTestClient.ResponseSpec uploadAs(@Nullable String authorization, byte[] workbook) {
        return client(authorization).post().uri("/api/v1/plan-imports").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(WorkbookUpload.of(workbook, "plan.xlsx")).exchange();
    }

    @Override
    protected Map<String, Object> createOwnData(String organisationId, RestTestClient asCoordinator) {
        Map<String, Object> data = new HashMap<>();
        String unit = id(asCoordinator, "/api/v1/org-units", unit("Kommunstyrelsekontoret"));
        data.put("unitId", unit);
        String plan = readyPlan(asCoordinator, unit, data);
        data.put("planId", plan);
        data.put("removableFocusAreaId", id(asCoordinator, "/api/v1/plans/" + plan + "/focus-areas", Map.of("name", "Att ta bort")));
        String problem = (String) data.get("problemId");
        data.put("removableProblemId", id(asCoordinator, "/api/v1/plans/" + plan + "/focus-areas/" + data.get("focusAreaId")
                + "/problems", Map.of("title", "Att ta bort")));
        data.put("removableCauseId", id(asCoordinator, "/api/v1/plans/" + plan + "/problems/" + problem + "/causes",
                Map.of("text", "Att ta bort")));
        data.put("removableGoalId", id(asCoordinator, "/api/v1/plans/" + plan + "/problems/" + problem + "/goals",
                Map.of("text", "Att ta bort")));
        data.put("removableMeasureId", id(asCoordinator, "/api/v1/plans/" + plan + "/problems/" + problem + "/measures",
                measure(data)));
        data.put("discardPlanId", id(asCoordinator, "/api/v1/plans", PLAN));
        data.put("withdrawPlanId", id(asCoordinator, "/api/v1/plans", PLAN));
        data.put("readyPlanId", readyPlan(asCoordinator, unit, new HashMap<>(data)));
        String adopted = readyPlan(asCoordinator, unit, new HashMap<>(data));
        asCoordinator.post().uri("/api/v1/plans/{id}/adoption", adopted).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("decidingBody", "Kommunstyrelsen", "decisionDate", "2025-03-01")).exchange()
                .expectStatus().isOk();
        data.put("adoptedPlanId", adopted);
        data.put("unused", UUID.randomUUID());
        return data;
    }

    /** A plan with one focus area, problem, cause, goal and a measure linking them: it may be adopted. */
    private static String readyPlan(RestTestClient http, String unit, Map<String, Object> data) {
        String plan = id(http, "/api/v1/plans", PLAN);
        String area = id(http, "/api/v1/plans/" + plan + "/focus-areas", Map.of("name", "Unga i riskzon"));
        String problem = id(http, "/api/v1/plans/" + plan + "/focus-areas/" + area + "/problems", Map.of("title", "Skolan"));
        data.put("focusAreaId", area);
        data.put("problemId", problem);
        data.put("causeId", id(http, "/api/v1/plans/" + plan + "/problems/" + problem + "/causes", Map.of("text", "Orsak")));
        data.put("goalId", id(http, "/api/v1/plans/" + plan + "/problems/" + problem + "/goals", Map.of("text", "Mål")));
        data.put("unitId", unit);
        data.put("measureId", id(http, "/api/v1/plans/" + plan + "/problems/" + problem + "/measures", measure(data)));
        return plan;
    }

    private static Map<String, Object> measure(Map<String, Object> data) {
        return Map.of("title", "Åtgärd", "schedule", Map.of("type", "CONTINUOUS", "text", "Löpande"),
                "responsible", List.of(Map.of("unitId", data.get("unitId"))),
                "causeIds", List.of(data.get("causeId")), "goalIds", List.of(data.get("goalId")));
    }

    private static Map<String, Object> unit(String name) {
        return Map.of("name", name, "contactEmails", List.of("enheten@example.se"));
    }

    private static String id(RestTestClient http, String uri, Object body) {
        return (String) http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id");
    }
}
