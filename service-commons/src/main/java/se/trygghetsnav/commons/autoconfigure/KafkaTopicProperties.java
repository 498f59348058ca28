package se.trygghetsnav.commons.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the topics a service publishes to are created.
 *
 * @param partitions partitions per topic; records are keyed by aggregate id, so more partitions let more
 *        consumer instances share the work while one aggregate's events stay in order
 * @param replicationFactor 1 for the single-node local and compose brokers
 */
@ConfigurationProperties("trygghetsnav.kafka.topics")
public record KafkaTopicProperties(@DefaultValue("6") int partitions, @DefaultValue("1") int replicationFactor) {
}
