package se.trygghetsnav.contracts;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The est.events contracts: what the EST events may and may not carry. */
class EstEventContractsTest {

    private static final String ENTRIES_POSTED = "se.trygghetsnav.est.entries-posted.v1";
    private static final String DECISION_MADE = "se.trygghetsnav.est.decision-made.v1";
    private static final String DECISION_FOLLOWED_UP = "se.trygghetsnav.est.decision-followed-up.v1";

    private final EventContracts contracts = EventContracts.get();

    @Test
    void estLagesbildServicePublishesEveryMessageOfItsChannel() {
        JsonNode asyncApi = contracts.asyncApi();
        Set<String> published = asyncApi.path("operations").path("publishEstEvents").path("messages").values().stream()
                .map(message -> message.path("$ref").asString()).collect(Collectors.toSet());
        Set<String> onChannel = asyncApi.path("channels").path("estEvents").path("messages").propertyStream()
                .map(message -> "#/channels/estEvents/messages/" + message.getKey()).collect(Collectors.toSet());

        assertThat(published).isEqualTo(onChannel).hasSize(10);
        assertThat(contracts.eventTypes().stream().filter(type -> type.startsWith("se.trygghetsnav.est.")))
                .allSatisfy(type -> assertThat(contracts.topicOf(type)).isEqualTo("est.events"));
    }

    @Test
    void anEntryDescriptionCannotTravelInAnEvent() {
        String example = contracts.goldenExample(ENTRIES_POSTED);
        String withDescription = example.replace("\"category\": \"vandalism\",",
                "\"category\": \"vandalism\", \"description\": \"Krossad ruta\",");
        String withTopLevelText = example.replace("\"submissionId\":", "\"description\": \"Krossad ruta\", \"submissionId\":");

        assertThat(withDescription).isNotEqualTo(example);
        assertThat(contracts.validate(ENTRIES_POSTED, withDescription)).isNotEmpty();
        assertThat(contracts.validate(ENTRIES_POSTED, withTopLevelText)).isNotEmpty();
    }

    @Test
    void aDecisionServingAMeasureAlsoNamesTheMeasuresPlan() {
        for (String type : new String[] { DECISION_MADE, DECISION_FOLLOWED_UP }) {
            String example = contracts.goldenExample(type);
            String withoutPlan = example.replaceAll(",\\s*\"planId\": \"[^\"]+\"", "");

            assertThat(withoutPlan).as(type).isNotEqualTo(example);
            assertThat(contracts.validate(type, withoutPlan)).as(type).isNotEmpty();
            assertThat(contracts.validate(type, withoutPlan.replaceAll(",\\s*\"measureId\": \"[^\"]+\"", ""))).as(type).isEmpty();
        }
    }

    @Test
    void weekEventsNameARealIsoWeek() {
        String example = contracts.goldenExample(DECISION_MADE);

        assertThat(contracts.validate(DECISION_MADE, example.replace("\"2026-W47\"", "\"2026-W54\""))).isNotEmpty();
        assertThat(contracts.validate(DECISION_MADE, example.replace("\"2026-W47\"", "\"2026-47\""))).isNotEmpty();
    }

    @Test
    void aFollowUpNoteIsOneShortLine() {
        String example = contracts.goldenExample(DECISION_FOLLOWED_UP);
        String longNote = example.replace("Genomförd fredag och lördag, lugnt efter kl. 22.", "x".repeat(201));

        assertThat(contracts.validate(DECISION_FOLLOWED_UP, longNote)).isNotEmpty();
    }
}
