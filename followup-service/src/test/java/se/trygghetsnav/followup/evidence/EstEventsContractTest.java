package se.trygghetsnav.followup.evidence;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.contracts.EventContracts;

import static org.assertj.core.api.Assertions.assertThat;

/** followup-service's tolerant est records read the golden examples, and the AsyncAPI says what it consumes. */
class EstEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theGoldenDecisionMadeIsReadWithItsMeasure() {
        EstEvents.DecisionMade made = read("se.trygghetsnav.est.decision-made.v1", EstEvents.DecisionMade.class);
        assertThat(made.measureId()).isEqualTo(UUID.fromString("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01"));
        assertThat(made.planId()).isEqualTo(UUID.fromString("019a8f2e-6a00-7000-8000-000000000188"));
        assertThat(made.organisationId()).isEqualTo("0188");
        assertThat(made.isoWeek()).isEqualTo("2026-W47");
        assertThat(made.kind()).isEqualTo("TARGETED_PRESENCE");
        assertThat(made.area()).isEqualTo("Centrum");
        assertThat(made.responsibleName()).isEqualTo("Polisen, lokalpolisområde Norrtälje");
        assertThat(made.aggregateVersion()).isEqualTo(6);
    }

    @Test
    void theGoldenDecisionFollowedUpIsReadWithItsOutcome() {
        EstEvents.DecisionFollowedUp followedUp = read("se.trygghetsnav.est.decision-followed-up.v1",
                EstEvents.DecisionFollowedUp.class);
        assertThat(followedUp.decisionId()).isEqualTo(UUID.fromString("019a8f2e-7000-7000-8000-00000000e5d1"));
        assertThat(followedUp.outcome()).isEqualTo("DONE");
        assertThat(followedUp.isoWeek()).isEqualTo("2026-W48");
        assertThat(followedUp.decidedInWeek()).isEqualTo("2026-W47");
        assertThat(followedUp.measureId()).isEqualTo(UUID.fromString("019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01"));
    }

    @Test
    void theAsyncApiListsExactlyTheEstEventsTheConsumerHandles() {
        JsonNode asyncApi = EventContracts.get().asyncApi();
        JsonNode operation = asyncApi.path("operations").path("followupConsumesEstEvents");
        assertThat(operation.path("channel").path("$ref").asString()).isEqualTo("#/channels/estEvents");
        Set<String> described = EventContracts.get().eventTypesOf("followupConsumesEstEvents");
        Set<String> handled = new MeasureEvidences(null, null).dispatcher(JSON, VALIDATOR).handledTypes();
        assertThat(described).isEqualTo(handled);
        assertThat(asyncApi.path("channels").path("estEventsFollowupDlt").path("address").asString())
                .isEqualTo("est.events.followup-service.dlt");
    }

    @Test
    void aFollowUpStampOrdersByRecordingWeekThenVersion() {
        assertThat(MeasureEvidence.followUpStamp("2026-W48", 3)).isGreaterThan(MeasureEvidence.followUpStamp("2026-W48", 2));
        assertThat(MeasureEvidence.followUpStamp("2027-W01", 1)).isGreaterThan(MeasureEvidence.followUpStamp("2026-W53", 9));
    }

    private static <T> T read(String type, Class<T> record) {
        T payload = JSON.readValue(EventContracts.get().goldenExample(type), record);
        assertThat(VALIDATOR.validate(payload)).as(type).isEmpty();
        return payload;
    }
}
