package se.trygghetsnav.est.week;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.contracts.EventContracts;

import static org.assertj.core.api.Assertions.assertThat;

/** The golden examples of est.events tell the same story the service would. */
class EstGoldenExamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void weekEventsAreKeyedByTheReportIdOfTheirGroupAndWeek() {
        for (String type : EventContracts.get().eventTypes()) {
            if (!type.startsWith("se.trygghetsnav.est.") || type.contains("group-")) {
                continue;
            }
            JsonNode example = JSON.readTree(EventContracts.get().goldenExample(type));
            UUID groupId = UUID.fromString(example.path("groupId").asString());
            IsoWeek week = IsoWeek.parse(example.path("isoWeek").asString());

            assertThat(example.path("aggregateId").asString()).as(type).isEqualTo(WeekReport.idFor(groupId, week).toString());
            if (example.has("decidedInWeekReportId")) {
                assertThat(example.path("decidedInWeekReportId").asString())
                        .isEqualTo(WeekReport.idFor(groupId, IsoWeek.parse(example.path("decidedInWeek").asString())).toString());
            }
        }
    }
}
