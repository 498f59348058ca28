package se.trygghetsnav.followup.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.testkit.KafkaTopicReader;

import static org.assertj.core.api.Assertions.assertThat;

/** What followup-service published on followup.events, every record checked against its contract. */
public final class FollowupEvents {

    public static final String TOPIC = "followup.events";

    private FollowupEvents() {
    }

    /** Waits for {@code count} events of {@code type} keyed by {@code key}; then returns all there are. */
    public static List<JsonNode> await(String type, Object key, int count) {
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning(TOPIC)) {
            reader.await(record -> matches(record, type, key), count, Duration.ofSeconds(30));
            return checked(reader.readUntilQuiet(record -> matches(record, type, key), Duration.ofSeconds(2)));
        }
    }

    /** Every event of {@code type} keyed by {@code key} once the topic has been quiet for a while. */
    public static List<JsonNode> settled(String type, Object key) {
        try (KafkaTopicReader reader = KafkaTopicReader.fromBeginning(TOPIC)) {
            return checked(reader.readUntilQuiet(record -> matches(record, type, key), Duration.ofSeconds(3)));
        }
    }

    private static boolean matches(ConsumerRecord<String, byte[]> record, String type, Object key) {
        return key.toString().equals(record.key()) && type.equals(KafkaTopicReader.header(record, "ce_type"));
    }

    private static List<JsonNode> checked(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(record -> {
            String type = KafkaTopicReader.header(record, "ce_type");
            String json = new String(record.value(), StandardCharsets.UTF_8);
            assertThat(EventContracts.get().validate(type, json)).as(type).isEmpty();
            return FollowupApi.json(record.value());
        }).toList();
    }
}
