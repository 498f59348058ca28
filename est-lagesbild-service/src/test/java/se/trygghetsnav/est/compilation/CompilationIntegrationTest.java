package se.trygghetsnav.est.compilation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import se.trygghetsnav.testkit.UseTestInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static se.trygghetsnav.commons.security.Role.EST_COORDINATOR;
import static se.trygghetsnav.commons.security.Role.EST_MEMBER;
import static se.trygghetsnav.est.EstApiCalls.as;
import static se.trygghetsnav.est.EstApiCalls.entry;
import static se.trygghetsnav.est.EstApiCalls.entryAtNewPlace;
import static se.trygghetsnav.est.EstApiCalls.get;
import static se.trygghetsnav.est.EstApiCalls.groupBody;
import static se.trygghetsnav.est.EstApiCalls.organisation;
import static se.trygghetsnav.est.EstApiCalls.place;
import static se.trygghetsnav.est.EstApiCalls.placeId;
import static se.trygghetsnav.est.EstApiCalls.post;
import static se.trygghetsnav.est.EstApiCalls.registerGroup;

/** The compiled week through the API, over real weeks across the 2020/2021 year end (2020 has a week 53). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class CompilationIntegrationTest {

    @LocalServerPort
    int port;

    private final String municipality = organisation("kommun");
    private final String police = organisation("polis");
    private RestTestClient member;
    private String groupId;
    private String torget;
    private String station;
    private String skolan;

    @BeforeEach
    void aGroupWithHistoryAcrossTheYearEnd() {
        Map<String, Object> group = registerGroup(as(port, municipality, EST_COORDINATOR),
                groupBody("EST Norrtälje", municipality, police, organisation("bostad")));
        groupId = (String) group.get("id");
        torget = placeId(group, "Torget");
        station = placeId(group, "Busstationen");
        skolan = placeId(group, "Grindstugans skolgård");
        member = as(port, police, EST_MEMBER);

        post(member, groupId, "2020-W01", repeat(4, entry("vandalism", skolan, "2019-12-31", "Klotter på skolans fasad.")));
        post(member, groupId, "2020-W50", repeat(2, entry("threats", station, "2020-12-08", "Hot mot busschaufför.")));
        post(member, groupId, "2020-W52", repeat(1, entry("vandalism", torget, "2020-12-24", "Krossad ruta.")));
        post(member, groupId, "2020-W53", repeat(3, entry("vandalism", torget, "2021-01-02", "Nyårsraketer mot fönster.")));
        List<Map<String, Object>> thisWeek = new ArrayList<>();
        Map<String, Object> serious = entry("vandalism", torget, "2021-01-05", "Brand i papperskorg.");
        serious.put("seriousness", "HIGH");
        thisWeek.add(serious);
        thisWeek.add(entry("vandalism", torget, "2021-01-06", "Klotter på bänk."));
        thisWeek.add(entry("threats", skolan, "2021-01-07", "Hot mot elev på skolgården."));
        thisWeek.add(entryAtNewPlace("disturbing-gatherings", place("Hamnplanen", "Hamnen", "SQUARE", 59.7560, 18.7100),
                "2021-01-08", "Stor samling med mopeder."));
        post(member, groupId, "2021-W01", thisWeek);
    }

    @Test
    @SuppressWarnings("unchecked")
    void weekOneIsComparedWithWeeks53To50AndWeekOneOfTheYearBefore() {
        Map<String, Object> compiled = get(member, "/api/v1/est-groups/{g}/weeks/{w}/compilation", groupId, "2021-W01");

        assertThat((Map<String, Object>) compiled.get("comparedWith"))
                .containsEntry("previousWeeks", List.of("2020-W53", "2020-W52", "2020-W51", "2020-W50"))
                .containsEntry("sameWeekLastYear", "2020-W01");
        Map<String, Object> total = (Map<String, Object>) compiled.get("total");
        assertThat(total).containsEntry("count", 4).containsEntry("previousFourWeekAverage", 2.0)
                .containsEntry("changeFromSameWeekLastYear", 0).containsEntry("direction", "RISING");
        assertThat((List<Map<String, Object>>) total.get("previousWeeks")).extracting(week -> week.get("count"))
                .containsExactly(3, 1, 0, 2);
        assertThat((List<Map<String, Object>>) total.get("previousWeeks")).extracting(week -> week.get("opened"))
                .containsExactly(true, true, false, true);
        assertThat((Map<String, Object>) total.get("sameWeekLastYear")).containsEntry("week", "2020-W01").containsEntry("count", 4);

        List<Map<String, Object>> categories = (List<Map<String, Object>>) compiled.get("byCategory");
        assertThat(categories).extracting(category -> category.get("code"))
                .containsExactly("vandalism", "disturbing-gatherings", "threats");
        Map<String, Object> vandalism = (Map<String, Object>) categories.getFirst().get("trend");
        assertThat(vandalism).containsEntry("count", 2);
        assertThat((List<Map<String, Object>>) vandalism.get("previousWeeks")).extracting(week -> week.get("count"))
                .containsExactly(3, 1, 0, 0);
        assertThat((List<Map<String, Object>>) compiled.get("byArea")).extracting(area -> area.get("area"))
                .containsExactly("Centrum", "Grind", "Hamnen");

        assertThat((List<Map<String, Object>>) compiled.get("recurringPlaces")).extracting(place -> place.get("name"))
                .containsExactly("Torget");
        assertThat((List<Map<String, Object>>) compiled.get("newPlaces")).extracting(place -> place.get("name"))
                .containsExactlyInAnyOrder("Grindstugans skolgård", "Hamnplanen");
        Map<String, Object> hotSpots = (Map<String, Object>) compiled.get("hotSpots");
        assertThat((List<Map<String, Object>>) hotSpots.get("places")).extracting(place -> place.get("name"))
                .containsExactly("Torget");
        Map<String, Object> cell = ((List<Map<String, Object>>) hotSpots.get("cells")).getFirst();
        assertThat(cell).containsEntry("count", 2).containsEntry("seriousnessScore", 5).containsEntry("recurrence", "RECURRING");
        assertThat((String) cell.get("cellId")).startsWith("250m-N");
    }

    @Test
    @SuppressWarnings("unchecked")
    void week53IsComparedWithWeek52OfAYearWithoutWeek53() {
        Map<String, Object> compiled = get(member, "/api/v1/est-groups/{g}/weeks/{w}/compilation", groupId, "2020-W53");

        assertThat((Map<String, Object>) compiled.get("comparedWith"))
                .containsEntry("previousWeeks", List.of("2020-W52", "2020-W51", "2020-W50", "2020-W49"))
                .containsEntry("sameWeekLastYear", "2019-W52");
        assertThat((Map<String, Object>) compiled.get("total")).containsEntry("count", 3).containsEntry("previousFourWeekAverage", 1.5);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWeeksEntriesAreAGeoJsonFeatureCollectionWithoutDescriptions() {
        Map<String, Object> map = member.get().uri("/api/v1/est-groups/{g}/weeks/{w}/map?cells=true", groupId, "2021-W01")
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/geo+json"))
                .expectBody(se.trygghetsnav.est.EstApiCalls.JSON_MAP).returnResult().getResponseBody();

        assertThat(map).containsEntry("type", "FeatureCollection");
        List<Map<String, Object>> features = (List<Map<String, Object>>) map.get("features");
        List<Map<String, Object>> points = features.stream()
                .filter(feature -> "Point".equals(((Map<String, Object>) feature.get("geometry")).get("type"))).toList();
        assertThat(points).hasSize(4);
        Map<String, Object> hamnen = points.stream()
                .filter(feature -> "Hamnplanen".equals(((Map<String, Object>) feature.get("properties")).get("placeName")))
                .findFirst().orElseThrow();
        assertThat(((Map<String, Object>) hamnen.get("geometry")).get("coordinates")).isEqualTo(List.of(18.71, 59.756));
        assertThat((Map<String, Object>) hamnen.get("properties")).containsEntry("category", "disturbing-gatherings")
                .containsEntry("categoryLabel", "Störande samlingar").doesNotContainKey("description");
        assertThat(map.toString()).doesNotContain("mopeder");
        assertThat(features).anySatisfy(feature -> assertThat(((Map<String, Object>) feature.get("geometry")).get("type"))
                .isEqualTo("Polygon"));
    }

    private static List<Map<String, Object>> repeat(int times, Map<String, Object> entry) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            entries.add(entry);
        }
        return entries;
    }
}
