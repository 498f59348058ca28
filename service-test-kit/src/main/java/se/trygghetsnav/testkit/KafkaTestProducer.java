package se.trygghetsnav.testkit;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends raw records to the test broker: golden examples, duplicates, malformed messages. */
public final class KafkaTestProducer {

    private KafkaTestProducer() {
    }

    /** Sends one record with text headers and waits for the broker's acknowledgement. */
    public static RecordMetadata send(String topic, String key, Map<String, String> headers, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafkaBootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
        catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("Could not send to " + topic, ex);
        }
    }

    /** Sends a CloudEvent in Kafka binary mode, the way the services publish. */
    public static RecordMetadata sendCloudEvent(String topic, String eventId, String type, String subject, String json) {
        return send(topic, subject, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId,
                "ce_type", type,
                "ce_source", "/trygghetsnav/test",
                "ce_subject", subject,
                "ce_time", "2026-11-22T08:00:00Z",
                "content-type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
    }
}
