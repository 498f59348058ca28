package se.trygghetsnav.contracts;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Rules of followup-service's contracts beyond the ones every contract keeps (EventContractsTest). */
class FollowupEventContractsTest {

    private static final String SUBMITTED = "se.trygghetsnav.followup.measure-report-submitted.v1";
    private static final String CORRECTED = "se.trygghetsnav.followup.measure-report-corrected.v1";

    @Test
    void followupServicePublishesEveryMessageOfItsChannel() {
        JsonNode asyncApi = EventContracts.get().asyncApi();
        Set<String> published = asyncApi.path("operations").path("publishFollowupEvents").path("messages").values().stream()
                .map(message -> message.path("$ref").asString()).collect(Collectors.toSet());
        Set<String> onChannel = asyncApi.path("channels").path("followupEvents").path("messages").propertyStream()
                .map(message -> "#/channels/followupEvents/messages/" + message.getKey()).collect(Collectors.toSet());

        assertThat(published).isNotEmpty().isEqualTo(onChannel);
        assertThat(EventContracts.get().eventTypes().stream().filter(type -> type.startsWith("se.trygghetsnav.followup.")))
                .allSatisfy(type -> assertThat(EventContracts.get().topicOf(type)).isEqualTo("followup.events"));
    }

    @Test
    void aReportEventCarryingTheNarrativeIsRejected() {
        for (String type : Set.of(SUBMITTED, CORRECTED)) {
            String example = EventContracts.get().goldenExample(type);
            String withNarrative = example.replace("\"figures\":", "\"narrative\": \"Vi har genomfört fyra vandringar.\", \"figures\":");

            assertThat(withNarrative).isNotEqualTo(example);
            assertThat(EventContracts.get().validate(type, withNarrative)).as(type).isNotEmpty();
        }
    }

    @Test
    void aTextAnswerIsNoFigure() {
        String example = EventContracts.get().goldenExample(SUBMITTED);
        String withText = example.replace("{ \"criterionIndex\": 0, \"number\": 3 }",
                "{ \"criterionIndex\": 0, \"text\": \"Tre vandringar i centrum\" }");

        assertThat(withText).isNotEqualTo(example);
        assertThat(EventContracts.get().validate(SUBMITTED, withText)).isNotEmpty();
    }

    @Test
    void aCorrectionSaysWhatItCorrected() {
        String example = EventContracts.get().goldenExample(CORRECTED);
        String withoutPrevious = example.replaceAll("\"previousStatus\": \"[A-Z_]+\",", "");

        assertThat(withoutPrevious).isNotEqualTo(example);
        assertThat(EventContracts.get().validate(CORRECTED, withoutPrevious)).anySatisfy(
                error -> assertThat(error).contains("previousStatus"));
    }

    @Test
    void aClearedOverdueNamesTheRoundExactlyWhenAReportClearedIt() {
        String type = "se.trygghetsnav.followup.measure-overdue-cleared.v1";
        String example = EventContracts.get().goldenExample(type);
        String withoutRound = example.replaceAll("\"roundId\": \"[^\"]+\",", "");

        assertThat(withoutRound).isNotEqualTo(example);
        assertThat(EventContracts.get().validate(type, withoutRound)).isNotEmpty();
        assertThat(EventContracts.get().validate(type, withoutRound.replace("REPORTED_DONE", "DEADLINE_MOVED"))).isEmpty();
        assertThat(EventContracts.get().validate(type, example.replace("REPORTED_DONE", "DEADLINE_MOVED"))).isNotEmpty();
    }
}
