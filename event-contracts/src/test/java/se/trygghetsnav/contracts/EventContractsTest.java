package se.trygghetsnav.contracts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

    private static final Path CONTRACTS = Path.of("src/main/resources/contracts");
    private static final String MEASURE_CHANGED = "se.trygghetsnav.plan.measure-changed.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Set<String> eventTypes() {
        return EventContracts.get().eventTypes();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void goldenExampleConformsToItsSchema(String eventType) {
        EventContracts contracts = EventContracts.get();

        assertThat(contracts.validate(eventType, contracts.goldenExample(eventType))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void eventTypeFollowsTheNamingConvention(String eventType) {
        assertThat(eventType).matches("se\\.trygghetsnav\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");
        String area = eventType.split("\\.")[2];
        assertThat(EventContracts.get().schemaPath(eventType)).startsWith("schemas/" + area + "/");
    }

    @Test
    void everySchemaFileIsDescribedInTheAsyncApiDocument() throws IOException {
        Set<String> described = eventTypes().stream().map(EventContracts.get()::schemaPath).collect(Collectors.toSet());
        List<String> eventSchemas = schemaFiles().stream()
                .filter(file -> !file.startsWith("schemas/common/") && !isSharedDefinitions(file))
                .toList();
        assertThat(described).containsExactlyInAnyOrderElementsOf(eventSchemas);
    }

    @Test
    void everySharedDefinitionsFileIsUsedByAnEventSchema() throws IOException {
        List<String> eventSchemaTexts = eventTypes().stream()
                .map(type -> EventContracts.read(EventContracts.get().schemaPath(type))).toList();
        for (String definitions : schemaFiles().stream().filter(EventContractsTest::isSharedDefinitions).toList()) {
            String fileName = definitions.substring(definitions.lastIndexOf('/') + 1);
            assertThat(eventSchemaTexts).as(definitions).anySatisfy(text -> assertThat(text).contains(fileName + "#/$defs/"));
        }
    }

    @Test
    void everySchemaIsIdentifiedByItsPathAndEveryEventSchemaIsTitledWithItsType() throws IOException {
        for (String file : schemaFiles()) {
            JsonNode schema = JSON.readTree(EventContracts.read(file));
            assertThat(schema.path("$id").asString()).as(file)
                    .isEqualTo(EventContracts.SCHEMA_BASE + file.substring("schemas/".length()));
        }
        for (String type : eventTypes()) {
            JsonNode schema = JSON.readTree(EventContracts.read(EventContracts.get().schemaPath(type)));
            assertThat(schema.path("title").asString()).isEqualTo(type);
        }
    }

    @Test
    void everyMessageOfAChannelIsDeclaredAndEveryOperationSendsOnlyItsChannelsMessages() {
        JsonNode asyncApi = EventContracts.get().asyncApi();
        asyncApi.path("channels").properties().forEach(channel -> channel.getValue().path("messages").values()
                .forEach(message -> assertThat(resolve(asyncApi, message.path("$ref").asString()).isMissingNode())
                        .as(message.path("$ref").asString()).isFalse()));
        asyncApi.path("operations").properties().forEach(operation -> {
            String channel = operation.getValue().path("channel").path("$ref").asString();
            operation.getValue().path("messages").values().forEach(message -> {
                String ref = message.path("$ref").asString();
                assertThat(ref).as(operation.getKey()).startsWith(channel + "/messages/");
                assertThat(resolve(asyncApi, ref).isMissingNode()).as(ref).isFalse();
            });
        });
    }

    @Test
    void planServicePublishesEveryMessageOfItsChannel() {
        JsonNode asyncApi = EventContracts.get().asyncApi();
        Set<String> published = asyncApi.path("operations").path("publishPlanEvents").path("messages").values().stream()
                .map(message -> message.path("$ref").asString()).collect(Collectors.toSet());
        Set<String> onChannel = asyncApi.path("channels").path("planEvents").path("messages").propertyStream()
                .map(message -> "#/channels/planEvents/messages/" + message.getKey()).collect(Collectors.toSet());

        assertThat(published).isEqualTo(onChannel);
    }

    @Test
    void aPayloadMissingTheEnvelopeIsRejected() {
        List<String> errors = EventContracts.get().validate("se.trygghetsnav.plan.measure-added.v1",
                "{\"measureId\":\"019a8f2e-6b1c-7c3a-9d2e-1f0a5b6c7e01\",\"planTitle\":\"P\",\"title\":\"T\",\"responsibleUnits\":[]}");

        assertThat(errors).anySatisfy(error -> assertThat(error).contains("eventId"))
                .anySatisfy(error -> assertThat(error).contains("aggregateVersion"));
    }

    @Test
    void aPayloadWithAMalformedEmailIsRejected() {
        String example = EventContracts.get().goldenExample("se.trygghetsnav.plan.measure-added.v1");
        String broken = example.replace("trygghet.ksk@norrtalje.example.se", "not an address");

        assertThat(EventContracts.get().validate("se.trygghetsnav.plan.measure-added.v1", broken)).isNotEmpty();
    }

    @Test
    void optionalFieldsAreLeftOutNotSentAsNull() {
        String example = EventContracts.get().goldenExample(MEASURE_CHANGED);
        String withNullDueDate = example.replace("\"planTitle\":", "\"dueDate\": null, \"planTitle\":");

        assertThat(EventContracts.get().validate(MEASURE_CHANGED, withNullDueDate)).anySatisfy(
                error -> assertThat(error).contains("dueDate"));
    }

    @Test
    void aScheduleMustHaveWhatItsTypeNeeds() {
        String example = EventContracts.get().goldenExample(MEASURE_CHANGED);
        String dueDateWithoutDate = example.replace("\"type\": \"RECURRENCE\"", "\"type\": \"DUE_DATE\"");

        assertThat(EventContracts.get().validate(MEASURE_CHANGED, dueDateWithoutDate)).isNotEmpty();
    }

    @Test
    void aMeasureWithoutItsListsIsRejected() {
        String example = EventContracts.get().goldenExample(MEASURE_CHANGED);
        String withoutGoals = example.replaceAll("\"goalIds\": \\[[^]]*],", "");

        assertThat(withoutGoals).isNotEqualTo(example);
        assertThat(EventContracts.get().validate(MEASURE_CHANGED, withoutGoals)).anySatisfy(
                error -> assertThat(error).contains("goalIds"));
    }

    @Test
    void aPlanSupersededByNoPlanIsRejected() {
        String type = "se.trygghetsnav.plan.plan-archived.v1";
        String example = EventContracts.get().goldenExample(type);
        String withoutSuccessor = example.replaceAll(",\\s*\"supersededByPlanId\": \"[^\"]+\"", "");

        assertThat(withoutSuccessor).isNotEqualTo(example);
        assertThat(EventContracts.get().validate(type, withoutSuccessor)).isNotEmpty();
        assertThat(EventContracts.get().validate(type, withoutSuccessor.replace("SUPERSEDED", "WITHDRAWN"))).isEmpty();
    }

    @Test
    void everyMessageIsOnAChannelWithATopic() {
        for (String type : eventTypes()) {
            assertThat(EventContracts.get().topicOf(type)).as(type).matches("[a-z]+\\.events");
        }
    }

    /** The schema files, relative to {@code contracts/}. */
    private static List<String> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CONTRACTS.resolve("schemas"))) {
            return files.filter(file -> file.toString().endsWith(".schema.json"))
                    .map(file -> CONTRACTS.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        }
    }

    /** A file of definitions the event schemas of its area share, e.g. schemas/plan/plan-definitions.schema.json. */
    private static boolean isSharedDefinitions(String schemaFile) {
        return schemaFile.endsWith("-definitions.schema.json");
    }

    private static JsonNode resolve(JsonNode document, String localRef) {
        assertThat(localRef).startsWith("#/");
        return document.at(localRef.substring(1));
    }
}
