package se.trygghetsnav.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The event contracts: which event types exist, on which topic, with which JSON Schema and golden example,
 * all read from {@code contracts/asyncapi.yaml} so the document stays the single index.
 */
public final class EventContracts {

    static final String ROOT = "contracts/";
    static final String SCHEMA_BASE = "https://trygghetsnav.se/schemas/";

    private static final EventContracts INSTANCE = new EventContracts();

    private final JsonNode asyncApi;
    private final Map<String, Contract> contracts;
    private final SchemaRegistry schemas;

    private EventContracts() {
        this.asyncApi = YAMLMapper.builder().build().readTree(read("asyncapi.yaml"));
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(SCHEMA_BASE, "classpath:" + ROOT + "schemas/")));
        this.contracts = Collections.unmodifiableMap(readContracts());
    }

    public static EventContracts get() {
        return INSTANCE;
    }

    /** The event types the AsyncAPI document describes. */
    public Set<String> eventTypes() {
        return contracts.keySet();
    }

    /** The topic an event type is published on. */
    public String topicOf(String eventType) {
        return contract(eventType).topic();
    }

    /** The golden example payload of an event type, as JSON text. */
    public String goldenExample(String eventType) {
        return read(contract(eventType).examplePath());
    }

    /** The schema file of an event type, relative to {@code contracts/}. */
    public String schemaPath(String eventType) {
        return contract(eventType).schemaPath();
    }

    /**
     * Validates a payload against its event type's schema.
     *
     * @return one message per violation; empty when the payload conforms
     */
    public List<String> validate(String eventType, String json) {
        Schema schema = schemas.getSchema(SchemaLocation.of(SCHEMA_BASE + contract(eventType).schemaPath().substring("schemas/".length())));
        List<Error> errors = schema.validate(json, InputFormat.JSON);
        return errors.stream().map(Error::toString).toList();
    }

    /** The parsed AsyncAPI document. */
    public JsonNode asyncApi() {
        return asyncApi;
    }

    /**
     * The event types an AsyncAPI operation names, e.g. {@code notificationConsumesEstEvents}: what a consumer test
     * compares with the types its dispatcher handles.
     */
    public Set<String> eventTypesOf(String operation) {
        JsonNode described = asyncApi.path("operations").path(operation);
        JsonNode channel = asyncApi.path("channels").path(refName(described.path("channel").path("$ref").asString()));
        Set<String> types = new LinkedHashSet<>();
        described.path("messages").values().forEach(message -> {
            String component = refName(channel.path("messages").path(refName(message.path("$ref").asString()))
                    .path("$ref").asString());
            types.add(asyncApi.path("components").path("messages").path(component).path("name").asString());
        });
        return types;
    }

    private Contract contract(String eventType) {
        Contract contract = contracts.get(eventType);
        if (contract == null) {
            throw new IllegalArgumentException("No contract for event type " + eventType + "; known: " + contracts.keySet());
        }
        return contract;
    }

    private Map<String, Contract> readContracts() {
        Map<String, String> topicByMessage = new LinkedHashMap<>();
        asyncApi.path("channels").properties().forEach(channel -> channel.getValue().path("messages").values()
                .forEach(message -> topicByMessage.put(refName(message.path("$ref").asString()),
                        channel.getValue().path("address").asString())));
        Map<String, Contract> byType = new LinkedHashMap<>();
        asyncApi.path("components").path("messages").properties().forEach(entry -> {
            JsonNode message = entry.getValue();
            String type = message.path("name").asString();
            String topic = topicByMessage.get(entry.getKey());
            if (topic == null) {
                throw new IllegalStateException("Message " + entry.getKey() + " is on no channel");
            }
            byType.put(type, new Contract(type, topic,
                    relative(message.path("payload").path("schema").path("$ref").asString()),
                    relative(message.path("x-golden-example").asString())));
        });
        return byType;
    }

    private static String refName(String ref) {
        return ref.substring(ref.lastIndexOf('/') + 1);
    }

    private static String relative(String path) {
        return path.startsWith("./") ? path.substring(2) : path;
    }

    static String read(String path) {
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(ROOT + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No contract file " + ROOT + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    record Contract(String type, String topic, String schemaPath, String examplePath) {
    }
}
