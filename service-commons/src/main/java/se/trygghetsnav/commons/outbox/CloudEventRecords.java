package se.trygghetsnav.commons.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Builds the Kafka record of a pending event: CloudEvents 1.0 in binary mode ({@code ce_*} headers, JSON
 * body), keyed by the aggregate id so one aggregate's events stay in one partition, in order.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, URI source, PendingEvent pending) {
        String key = pending.aggregateId().toString();
        CloudEvent event = CloudEventBuilder.v1()
                .withId(pending.eventId().toString())
                .withType(pending.type())
                .withSource(source)
                .withSubject(key)
                .withTime(pending.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(pending.payload().getBytes(StandardCharsets.UTF_8))
                .build();
        return KafkaMessageFactory.<String>createWriter(topic, null, pending.occurredAt().toEpochMilli(), key)
                .writeBinary(event);
    }
}
