package se.trygghetsnav.notification.est;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.notification.est.messaging.EstEventsConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/** notification-service's tolerant est records read the golden examples, and the AsyncAPI says what it consumes. */
class EstEventsContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void theGoldenGroupEventsAreReadWithMembersContactsAndSchedule() {
        for (String type : new String[] {EstGroupEvents.GROUP_REGISTERED, "se.trygghetsnav.est.group-changed.v1"}) {
            EstEvents.GroupState group = read(type, EstEvents.GroupState.class);
            assertThat(group.members()).hasSize(4);
            assertThat(group.members().get(1).organisationId()).isEqualTo("polisen-lpo-norrtalje");
            assertThat(group.members().get(3).organisationId()).as("a member that only gets mail").isNull();
            assertThat(group.members().get(0).contactEmails()).containsExactly("est.soc@norrtalje.example.se");
            assertThat(group.schedule().cutOffDay()).isEqualTo(DayOfWeek.MONDAY);
        }
    }

    @Test
    void theGoldenWeekEventsAreReadAndTheCutOffIsComputedAsTheProducerStatesIt() {
        EstEvents.WeekOpened opened = read(EstGroupEvents.WEEK_OPENED, EstEvents.WeekOpened.class);
        EstEvents.GroupState group = read(EstGroupEvents.GROUP_REGISTERED, EstEvents.GroupState.class);
        assertThat(group.schedule().cutOffAt(opened.isoWeek()).toInstant()).isEqualTo(opened.cutOffAt().toInstant());
        assertThat(group.schedule().meetingAt(opened.isoWeek()))
                .isEqualTo(ZonedDateTime.parse("2026-11-24T10:00:00+01:00[Europe/Stockholm]"));

        EstEvents.EntriesPosted posted = read(EstGroupEvents.ENTRIES_POSTED, EstEvents.EntriesPosted.class);
        assertThat(posted.reportingMemberId()).isEqualTo(UUID.fromString("019a8f2e-7000-7000-8000-00000000e5a2"));
        assertThat(posted.isoWeek()).isEqualTo("2026-W47");

        EstEvents.WeekPublished published = read(EstGroupEvents.WEEK_PUBLISHED, EstEvents.WeekPublished.class);
        assertThat(published.entryCount()).isEqualTo(2);
        assertThat(published.byCategory()).extracting(EstEvents.CategoryCount::count).containsExactly(1, 1);
        assertThat(published.byArea().getFirst().area()).isEqualTo("Centrum");
        assertThat(published.decisionCount()).isEqualTo(1);
    }

    @Test
    void theAsyncApiListsExactlyTheEstEventsTheConsumerHandlesAndItsDeadLetterTopic() {
        JsonNode asyncApi = EventContracts.get().asyncApi();
        JsonNode operation = asyncApi.path("operations").path("notificationConsumesEstEvents");
        assertThat(operation.path("channel").path("$ref").asString()).isEqualTo("#/channels/estEvents");
        Set<String> described = EventContracts.get().eventTypesOf("notificationConsumesEstEvents");
        Set<String> handled = EstEventsConsumer.dispatcher(JSON, VALIDATOR, null, null, null).build().handledTypes();
        assertThat(described).isEqualTo(handled);
        assertThat(asyncApi.path("channels").path("estEventsNotificationDlt").path("address").asString())
                .isEqualTo("est.events.notification-service.dlt");
    }

    @Test
    void isoWeeksCrossTheYearAsTheCalendarDoes() {
        assertThat(IsoWeeks.plus("2026-W53", 1)).isEqualTo("2027-W01");
        assertThat(IsoWeeks.of(java.time.LocalDate.of(2027, 1, 3))).isEqualTo("2026-W53");
        assertThat(IsoWeeks.monday("2026-W47")).isEqualTo(java.time.LocalDate.of(2026, 11, 16));
    }

    private static <T> T read(String type, Class<T> record) {
        T payload = JSON.readValue(EventContracts.get().goldenExample(type), record);
        assertThat(VALIDATOR.validate(payload)).as(type).isEmpty();
        return payload;
    }
}
