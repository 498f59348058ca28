package se.trygghetsnav.commons.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.messaging.Message;

/**
 * A CloudEvent as a consumer sees it, read from a Kafka record in binary mode.
 *
 * @param id the CloudEvents id, our event id
 * @param type the versioned event type
 * @param source the producing service
 * @param subject the aggregate id (also the record key)
 * @param time when the event occurred
 * @param data the JSON payload
 */
public record InboundEvent(String id, String type, URI source, String subject, OffsetDateTime time, byte[] data) {

    /**
     * Reads the CloudEvents headers of a message delivered by the Kafka binder. Header values arrive as raw
     * bytes (or as strings when another mapper decoded them); the CloudEvents SDK checks the attributes.
     */
    public static InboundEvent from(Message<byte[]> message) {
        RecordHeaders headers = new RecordHeaders();
        for (Map.Entry<String, Object> header : message.getHeaders().entrySet()) {
            String name = header.getKey();
            if (name.startsWith("ce_") || name.equalsIgnoreCase("content-type")) {
                Object value = header.getValue();
                if (value instanceof byte[] bytes) {
                    headers.add(name, bytes);
                }
                else if (value != null) {
                    headers.add(name, value.toString().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        CloudEvent event;
        try {
            MessageReader reader = KafkaMessageFactory.createReader(headers, message.getPayload());
            event = reader.toEvent();
        }
        catch (RuntimeException ex) {
            throw new MalformedEventException("Not a CloudEvent in Kafka binary mode: " + ex.getMessage(), ex);
        }
        if (event.getData() == null) {
            throw new MalformedEventException("CloudEvent " + event.getId() + " has no data");
        }
        if (event.getSubject() == null) {
            throw new MalformedEventException("CloudEvent " + event.getId() + " has no subject (aggregate id)");
        }
        return new InboundEvent(event.getId(), event.getType(), event.getSource(), event.getSubject(), event.getTime(),
                event.getData().toBytes());
    }
}
