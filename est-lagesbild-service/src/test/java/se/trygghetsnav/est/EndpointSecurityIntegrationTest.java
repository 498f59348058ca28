package se.trygghetsnav.est;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.est.week.IsoWeek;
import se.trygghetsnav.testkit.EndpointSecurityContract;
import se.trygghetsnav.testkit.TestTokens;

import static se.trygghetsnav.commons.security.Role.COORDINATOR;
import static se.trygghetsnav.commons.security.Role.EST_COORDINATOR;
import static se.trygghetsnav.commons.security.Role.EST_MEMBER;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.get;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.post;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.put;

class EndpointSecurityIntegrationTest extends EndpointSecurityContract {

    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                get("/api/v1/audit-entries", COORDINATOR),
                post("/api/v1/est-groups", data -> EstApiCalls.groupBody("EST " + UUID.randomUUID(), "kommun", "polis", "bostad"),
                        EST_COORDINATOR),
                get("/api/v1/est-groups", EST_MEMBER, EST_COORDINATOR),
                get("/api/v1/est-groups/{groupId}", EST_MEMBER, EST_COORDINATOR),
                put("/api/v1/est-groups/{groupId}", data -> Map.of("name", "EST Centrum", "members", data.get("members")),
                        EST_COORDINATOR),
                post("/api/v1/est-groups/{groupId}/places",
                        data -> EstApiCalls.place("Plats " + UUID.randomUUID(), "Centrum", "PARK", 59.76, 18.70), EST_COORDINATOR),
                put("/api/v1/est-groups/{groupId}/places/{placeId}",
                        data -> EstApiCalls.place("Torget", "Centrum", "SQUARE", 59.7591, 18.7021), EST_COORDINATOR),
                post("/api/v1/est-groups/{groupId}/categories", data -> Map.of("label", "Kategori " + UUID.randomUUID()),
                        EST_COORDINATOR),
                get("/api/v1/est-groups/{groupId}/weeks/{week}", EST_MEMBER, EST_COORDINATOR),
                post("/api/v1/est-groups/{groupId}/weeks/{week}/entries", data -> Map.of("entries", List.of(
                        EstApiCalls.entry("vandalism", (String) data.get("placeId"), (String) data.get("day"), "Klotter."))),
                        EST_MEMBER, EST_COORDINATOR),
                get("/api/v1/est-groups/{groupId}/weeks/{week}/entries", EST_MEMBER, EST_COORDINATOR),
                get("/api/v1/est-groups/{groupId}/weeks/{week}/entries/{entryId}", EST_MEMBER, EST_COORDINATOR),
                put("/api/v1/est-groups/{groupId}/weeks/{week}/entries/{entryId}",
                        data -> EstApiCalls.entry("vandalism", (String) data.get("placeId"), (String) data.get("day"), "Klotter på bänken."),
                        EST_MEMBER, EST_COORDINATOR),
                post("/api/v1/est-groups/{groupId}/weeks/{week}/reviews", data -> Map.of("entryIds", List.of(data.get("entryId"))),
                        EST_COORDINATOR),
                post("/api/v1/est-groups/{groupId}/weeks/{week}/closure", data -> Map.of(), EST_COORDINATOR)
                        .using("week", "closableWeek"),
                get("/api/v1/est-groups/{groupId}/weeks/{week}/compilation", EST_MEMBER, EST_COORDINATOR),
                get("/api/v1/est-groups/{groupId}/weeks/{week}/map?cells=true", EST_MEMBER, EST_COORDINATOR),
                post("/api/v1/est-groups/{groupId}/weeks/{week}/decisions", EndpointSecurityIntegrationTest::decision,
                        EST_COORDINATOR),
                get("/api/v1/est-groups/{groupId}/weeks/{week}/follow-ups", EST_MEMBER, EST_COORDINATOR),
                put("/api/v1/est-groups/{groupId}/weeks/{week}/follow-ups/{decisionId}",
                        data -> Map.of("outcome", "DONE"), EST_COORDINATOR).using("week", "followUpWeek"),
                post("/api/v1/est-groups/{groupId}/weeks/{week}/publication", data -> Map.of(), EST_COORDINATOR)
                        .using("week", "publishableWeek"),
                get("/api/v1/est-groups/{groupId}/weeks/{week}/public-summary", Role.values()).using("week", "publishedWeek"));
    }

    private static Map<String, Object> decision(Map<String, Object> data) {
        return Map.of("kind", "NIGHT_WALK", "what", "Nattvandring vid torget", "placeId", data.get("placeId"),
                "startDate", data.get("day"), "responsibleMemberId", data.get("memberId"));
    }

    @Override
    protected Map<String, Object> createOwnData(String organisationId, RestTestClient asCoordinator) {
        RestTestClient estCoordinator = client(TestTokens.bearer(organisationId, EST_COORDINATOR));
        Map<String, Object> group = EstApiCalls.registerGroup(estCoordinator,
                EstApiCalls.groupBody("EST " + organisationId, organisationId, "polis-" + organisationId, "bostad-" + organisationId));
        Map<String, Object> data = new HashMap<>();
        data.put("groupId", group.get("id"));
        data.put("members", EstApiCalls.membersOf(group));
        data.put("placeId", EstApiCalls.placeId(group, "Torget"));
        IsoWeek week = IsoWeek.of(LocalDate.now());
        data.put("week", week.toString());
        data.put("day", week.monday().toString());
        data.put("closableWeek", week.minusWeeks(1).toString());
        data.put("publishableWeek", week.minusWeeks(2).toString());
        data.put("publishedWeek", week.minusWeeks(3).toString());
        data.put("followUpWeek", week.minusWeeks(4).toString());
        Object groupId = group.get("id");
        data.put("memberId", EstApiCalls.membersOf(group).getFirst().get("memberId"));
        data.put("decisionId", EstApiCalls.postJson(estCoordinator, "/api/v1/est-groups/" + groupId + "/weeks/"
                + week.minusWeeks(5) + "/decisions", decision(data)).get("decisionId"));
        estCoordinator.post().uri("/api/v1/est-groups/{g}/weeks/{w}/publication", groupId, week.minusWeeks(3)).exchange()
                .expectStatus().isOk();
        // The owner's EST members post too: the municipality is a member of its own group.
        data.put("entryId", EstApiCalls.entryIds(EstApiCalls.post(estCoordinator, group.get("id"), week.toString(),
                List.of(EstApiCalls.entry("threats", (String) data.get("placeId"), week.monday().toString(), "Hot.")))).getFirst());
        return data;
    }
}
