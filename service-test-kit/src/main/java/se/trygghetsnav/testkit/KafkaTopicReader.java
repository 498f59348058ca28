package se.trygghetsnav.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its first offset, all partitions, without a consumer group: what a test needs to see
 * exactly what was published, duplicates included.
 */
public final class KafkaTopicReader implements AutoCloseable {

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
    private boolean assigned;

    private KafkaTopicReader(String bootstrapServers, String topic) {
        this.topic = topic;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A reader of {@code topic} on this JVM's test broker. */
    public static KafkaTopicReader fromBeginning(String topic) {
        return new KafkaTopicReader(TestInfrastructure.get().kafkaBootstrapServers(), topic);
    }

    /** Waits until {@code count} records matching {@code filter} were read; returns them in offset order. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> filter, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, byte[]>> matching = matching(filter);
        while (matching.size() < count && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
            matching = matching(filter);
        }
        if (matching.size() < count) {
            throw new AssertionError("Expected " + count + " matching records on " + topic + " within " + timeout
                    + " but read " + matching.size() + " (of " + seen.size() + " records)");
        }
        return matching;
    }

    /** Reads until nothing new arrives for {@code quiet}; returns everything matching {@code filter}. */
    public List<ConsumerRecord<String, byte[]>> readUntilQuiet(Predicate<ConsumerRecord<String, byte[]>> filter,
            Duration quiet) {
        long quietUntil = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < quietUntil) {
            if (poll(Duration.ofMillis(200)) > 0) {
                quietUntil = System.nanoTime() + quiet.toNanos();
            }
        }
        return matching(filter);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return seen.stream().filter(filter).toList();
    }

    private int poll(Duration timeout) {
        if (!assigned) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (partitions == null || partitions.isEmpty()) {
                sleep(timeout);
                return 0;
            }
            List<TopicPartition> all = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(all);
            consumer.seekToBeginning(all);
            assigned = true;
        }
        int before = seen.size();
        consumer.poll(timeout).forEach(seen::add);
        return seen.size() - before;
    }

    /** The value of a header as UTF-8 text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Matches records whose {@code ce_type} header is {@code type}. */
    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return record -> type.equals(header(record, "ce_type"));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
