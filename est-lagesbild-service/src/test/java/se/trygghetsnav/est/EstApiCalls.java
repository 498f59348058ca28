package se.trygghetsnav.est;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.testkit.TestTokens;

/** Short calls of est-lagesbild-service's API for tests; the organisation is the one of the client's token. */
public final class EstApiCalls {

    private EstApiCalls() {
    }

    /** A client calling as {@code organisationId} with {@code roles}. */
    public static RestTestClient as(int port, String organisationId, Role... roles) {
        return RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestTokens.bearer(organisationId, roles)).build();
    }

    /** A fresh organisation id, so tests never see each other's data. */
    public static String organisation(String kind) {
        return kind + "-" + UUID.randomUUID();
    }

    /** A group body: the municipality's own department, the police and a housing company, plus night walkers without an id. */
    public static Map<String, Object> groupBody(String name, String municipality, String police, String housing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("members", List.of(
                member("Socialförvaltningen", "MUNICIPAL_DEPARTMENT", municipality, "soc@kommun.example.se"),
                member("Polisen, lokalpolisområde Norrtälje", "POLICE", police, "lpo@polisen.example.se"),
                member("Norrtäljehem AB", "HOUSING_COMPANY", housing, "trygghet@norrtaljehem.example.se"),
                member("Nattvandrarna Norrtälje", "ASSOCIATION", null, "nattvandring@example.se")));
        body.put("schedule", Map.of("cutOffDay", "MONDAY", "cutOffTime", "12:00", "meetingDay", "TUESDAY", "meetingTime", "10:00"));
        body.put("places", List.of(
                place("Torget", "Centrum", "SQUARE", 59.7590, 18.7020),
                place("Busstationen", "Centrum", "BUS_STATION", 59.7618, 18.6990),
                place("Grindstugans skolgård", "Grind", "SCHOOL_YARD", 59.7700, 18.6800)));
        return body;
    }

    public static Map<String, Object> member(String name, String kind, String organisationId, String email) {
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("name", name);
        member.put("kind", kind);
        if (organisationId != null) {
            member.put("organisationId", organisationId);
        }
        member.put("contactEmails", List.of(email));
        return member;
    }

    public static Map<String, Object> place(String name, String area, String type, double latitude, double longitude) {
        return Map.of("name", name, "area", area, "type", type, "latitude", latitude, "longitude", longitude);
    }

    public static Map<String, Object> registerGroup(RestTestClient coordinator, Map<String, Object> body) {
        return coordinator.post().uri("/api/v1/est-groups").contentType(MediaType.APPLICATION_JSON).body(body)
                .exchange().expectStatus().isCreated().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    /** The id of the group's place named {@code name}. */
    @SuppressWarnings("unchecked")
    public static String placeId(Map<String, Object> group, String name) {
        return ((List<Map<String, Object>>) group.get("places")).stream().filter(place -> name.equals(place.get("name")))
                .map(place -> (String) place.get("placeId"))
                .findFirst().orElseThrow();
    }

    /** The member list of a group response, as a request sends it. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> membersOf(Map<String, Object> group) {
        return new ArrayList<>((List<Map<String, Object>>) group.get("members"));
    }

    /** An entry at a known place. */
    public static Map<String, Object> entry(String category, String placeId, String date, String description) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("category", category);
        entry.put("placeId", placeId);
        entry.put("date", date);
        entry.put("timeBand", "EVENING");
        entry.put("description", description);
        entry.put("seriousness", "MEDIUM");
        entry.put("certainty", "OBSERVED");
        entry.put("reportedToPolice", false);
        return entry;
    }

    /** An entry at a place the group does not know yet. */
    public static Map<String, Object> entryAtNewPlace(String category, Map<String, Object> newPlace, String date,
            String description) {
        Map<String, Object> entry = entry(category, null, date, description);
        entry.remove("placeId");
        entry.put("newPlace", newPlace);
        return entry;
    }

    /** Posts entries in one submission and returns the response. */
    public static Map<String, Object> post(RestTestClient member, Object groupId, String week, List<Map<String, Object>> entries) {
        return member.post().uri("/api/v1/est-groups/{g}/weeks/{w}/entries", groupId, week)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("entries", entries))
                .exchange().expectStatus().isCreated().expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    /** The ids of the entries a post response lists. */
    @SuppressWarnings("unchecked")
    public static List<String> entryIds(Map<String, Object> posted) {
        return ((List<Map<String, Object>>) posted.get("entries")).stream().map(entry -> (String) entry.get("entryId")).toList();
    }

    /** Posts a JSON body expecting 201 and returns the response. */
    public static Map<String, Object> postJson(RestTestClient client, String uri, Object body) {
        return client.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange().expectStatus().isCreated()
                .expectBody(JSON_MAP).returnResult().getResponseBody();
    }

    public static Map<String, Object> get(RestTestClient client, String uri, Object... variables) {
        return client.get().uri(uri, variables).exchange().expectStatus().isOk().expectBody(JSON_MAP).returnResult()
                .getResponseBody();
    }

    public static final org.springframework.core.ParameterizedTypeReference<Map<String, Object>> JSON_MAP =
            new org.springframework.core.ParameterizedTypeReference<>() {
            };
}
