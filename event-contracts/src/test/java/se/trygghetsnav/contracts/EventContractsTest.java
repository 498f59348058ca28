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

import static org.assertj.core.api.Assertions.assertThat;

class EventContractsTest {

    private static final Path CONTRACTS = Path.of("src/main/resources/contracts");

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
        try (Stream<Path> files = Files.walk(CONTRACTS.resolve("schemas"))) {
            List<String> eventSchemas = files.filter(file -> file.toString().endsWith(".schema.json"))
                    .map(file -> CONTRACTS.relativize(file).toString().replace('\\', '/'))
                    .filter(file -> !file.startsWith("schemas/common/"))
                    .toList();
            assertThat(described).containsExactlyInAnyOrderElementsOf(eventSchemas);
        }
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
    void everyMessageIsOnAChannelWithATopic() {
        for (String type : eventTypes()) {
            assertThat(EventContracts.get().topicOf(type)).as(type).matches("[a-z]+\\.events");
        }
    }
}
