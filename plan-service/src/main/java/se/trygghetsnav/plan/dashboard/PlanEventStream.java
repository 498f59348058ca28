package se.trygghetsnav.plan.dashboard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import se.trygghetsnav.plan.PlanServiceApplication;

/**
 * Streams {@code plan.events} to browser dashboards as Server-Sent Events, one organisation's events per
 * stream. Each stream reads the topic with its own consumer (no group: nothing is committed, every
 * dashboard reads everything it is entitled to) from the position its {@code Last-Event-ID} names, or from
 * now. Events of other organisations are read past, never sent.
 */
@Component
public class PlanEventStream implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PlanEventStream.class);

    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** A browser's EventSource reconnects with Last-Event-ID, so a stream may end; this bounds idle threads. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final KafkaProperties kafkaProperties;
    private final JsonMapper jsonMapper;
    private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

    public PlanEventStream(KafkaProperties kafkaProperties, JsonMapper jsonMapper) {
        this.kafkaProperties = kafkaProperties;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Opens a stream.
     *
     * @param from where to resume; empty starts from now
     * @param follow false to send what is there and end (for scripts and tests), true to keep streaming
     */
    public SseEmitter open(String organisationId, @Nullable StreamPosition from, boolean follow) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        streams.execute(() -> stream(organisationId, from, follow, emitter));
        return emitter;
    }

    private void stream(String organisationId, @Nullable StreamPosition from, boolean follow, SseEmitter emitter) {
        Instant ends = Instant.now().plus(STREAM_LIFETIME).minusSeconds(5);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = consumer.partitionsFor(PlanServiceApplication.PLAN_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends0 = consumer.endOffsets(partitions);
            Map<Integer, Long> position = new HashMap<>();
            for (TopicPartition partition : partitions) {
                Long resumeAt = from == null ? null : from.nextOffsets().get(partition.partition());
                if (from == null) {
                    consumer.seek(partition, ends0.get(partition));
                }
                else if (resumeAt == null) {
                    // A partition the id does not name (added since): everything in it is new to the dashboard.
                    consumer.seekToBeginning(List.of(partition));
                }
                else {
                    consumer.seek(partition, resumeAt);
                }
                position.put(partition.partition(), consumer.position(partition));
            }
            emitter.send(SseEmitter.event().comment("stream of plan events from " + new StreamPosition(position).asEventId()));
            Instant lastSent = Instant.now();
            while (Instant.now().isBefore(ends)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    position.put(record.partition(), record.offset() + 1);
                    if (belongsTo(record, organisationId)) {
                        emitter.send(SseEmitter.event().id(new StreamPosition(position).asEventId())
                                .name(eventName(record))
                                .data(new String(record.value(), StandardCharsets.UTF_8), MediaType.APPLICATION_JSON));
                        lastSent = Instant.now();
                    }
                }
                if (!follow && partitions.stream().allMatch(p -> position.get(p.partition()) >= ends0.get(p))) {
                    break;
                }
                if (Duration.between(lastSent, Instant.now()).compareTo(HEARTBEAT) > 0) {
                    emitter.send(SseEmitter.event().comment("heartbeat"));
                    lastSent = Instant.now();
                }
            }
            emitter.complete();
        }
        catch (IOException | IllegalStateException clientGone) {
            log.debug("Plan event stream of {} ended: {}", organisationId, clientGone.toString());
        }
        catch (RuntimeException failure) {
            log.warn("Plan event stream of {} failed", organisationId, failure);
            emitter.completeWithError(failure);
        }
    }

    private boolean belongsTo(ConsumerRecord<String, byte[]> record, String organisationId) {
        if (record.value() == null) {
            return false;
        }
        try {
            JsonNode payload = jsonMapper.readTree(record.value());
            return organisationId.equals(payload.path("organisationId").asString(null));
        }
        catch (RuntimeException unreadable) {
            return false;
        }
    }

    private static String eventName(ConsumerRecord<String, byte[]> record) {
        Header type = record.headers().lastHeader("ce_type");
        if (type == null) {
            return "message";
        }
        // se.trygghetsnav.plan.measure-added.v1 → measure-added
        String[] parts = new String(type.value(), StandardCharsets.UTF_8).split("\\.");
        return parts.length >= 2 ? parts[parts.length - 2] : parts[0];
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "plan-event-stream");
        return config;
    }

    @Override
    public void destroy() {
        streams.shutdownNow();
    }
}
