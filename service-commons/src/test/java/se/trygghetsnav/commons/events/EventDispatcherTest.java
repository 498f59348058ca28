package se.trygghetsnav.commons.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import se.trygghetsnav.commons.outbox.CloudEventRecords;
import se.trygghetsnav.commons.outbox.PendingEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventDispatcherTest {

    private static final String TYPE = "se.trygghetsnav.test.thing-happened.v1";

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
    private final List<Thing> handled = new ArrayList<>();
    private final EventDispatcher dispatcher = EventDispatcher.builder("test", JsonMapper.builder().build(), validator)
            .on(TYPE, Thing.class, (event, thing) -> handled.add(thing))
            .build();

    record Thing(@NotBlank String name) {
    }

    @Test
    void aPublishedRecordIsReadBackAndRoutedByItsType() {
        dispatcher.accept(asDelivered(record(TYPE, "{\"name\":\"Klaraområdet\",\"unknownField\":1}")));

        assertThat(handled).containsExactly(new Thing("Klaraområdet"));
    }

    @Test
    void theRecordCarriesTheCloudEventsAttributesAndTheAggregateAsKey() {
        UUID aggregate = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        ProducerRecord<String, byte[]> record = CloudEventRecords.toRecord("test.events", URI.create("/trygghetsnav/test"),
                new PendingEvent(eventId, TYPE, aggregate, 3, Instant.parse("2026-11-22T08:00:00Z"), "{}", "anna", "0188"));

        assertThat(record.key()).isEqualTo(aggregate.toString());
        assertThat(header(record, "ce_id")).isEqualTo(eventId.toString());
        assertThat(header(record, "ce_type")).isEqualTo(TYPE);
        assertThat(header(record, "ce_subject")).isEqualTo(aggregate.toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_time")).isEqualTo("2026-11-22T08:00:00Z");
        assertThat(header(record, "content-type")).isEqualTo("application/json");
    }

    @Test
    void unknownTypesAreIgnored() {
        dispatcher.accept(asDelivered(record("se.trygghetsnav.test.something-else.v1", "{\"name\":\"x\"}")));

        assertThat(handled).isEmpty();
    }

    @Test
    void unreadableJsonIsMalformed() {
        assertThatThrownBy(() -> dispatcher.accept(asDelivered(record(TYPE, "{\"name\":"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unreadable payload");
    }

    @Test
    void aPayloadBreakingTheConsumersContractIsMalformed() {
        assertThatThrownBy(() -> dispatcher.accept(asDelivered(record(TYPE, "{\"name\":\" \"}"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("breaks its contract").hasMessageContaining("name");
    }

    @Test
    void aMessageWithoutCloudEventsHeadersIsMalformed() {
        Message<byte[]> plain = MessageBuilder.withPayload("{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8)).build();

        assertThatThrownBy(() -> dispatcher.accept(plain)).isInstanceOf(MalformedEventException.class);
    }

    @Test
    void typesMustFollowTheNamingConvention() {
        assertThat(EventTypes.isWellFormed("se.trygghetsnav.plan.measure-added.v1")).isTrue();
        assertThat(EventTypes.isWellFormed("se.trygghetsnav.plan.MeasureAdded.v1")).isFalse();
        assertThat(EventTypes.isWellFormed("se.trygghetsnav.plan.measure-added")).isFalse();
        assertThatThrownBy(() -> EventDispatcher.builder("test", JsonMapper.builder().build(), validator)
                .on("measure-added", Thing.class, (event, thing) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ProducerRecord<String, byte[]> record(String type, String json) {
        return CloudEventRecords.toRecord("test.events", URI.create("/trygghetsnav/test"),
                new PendingEvent(UUID.randomUUID(), type, UUID.randomUUID(), 1, Instant.now(), json, PendingEvent.SYSTEM_ACTOR, null));
    }

    /** What the Kafka binder hands a consumer: the value as payload, the record's headers as raw bytes. */
    private static Message<byte[]> asDelivered(ProducerRecord<String, byte[]> record) {
        MessageBuilder<byte[]> message = MessageBuilder.withPayload(record.value());
        for (Header header : record.headers()) {
            message.setHeader(header.key(), header.value());
        }
        return message.copyHeaders(Map.of("kafka_receivedMessageKey", record.key())).build();
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
