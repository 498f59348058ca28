package se.trygghetsnav.followup.planprojection.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.cloud.stream.config.BindingProperties;
import org.springframework.cloud.stream.config.BindingServiceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.util.backoff.BackOff;

import se.trygghetsnav.commons.events.MalformedEventException;

/**
 * Bounded retries and the dead-letter topic for batch-mode bindings, where the binder offers neither as it does
 * for record bindings: it would send a whole poll to the dead-letter topic and never retry (Spring Cloud Stream's
 * "Consuming Batches"). Here the listener container does it, record by record: the consumer names the failed
 * record ({@code BatchListenerFailedException}), the container commits those before it, retries it with the same
 * back-off as record bindings (the binding's, or the shared defaults), then publishes it alone to the binding's
 * {@code dlq-name}. Malformed events are not retried. Record bindings keep the binder's own handling.
 */
@Configuration(proxyBeanMethods = false)
class BatchBindingDeadLetters {

    @Bean
    BatchErrorHandling batchBindingErrorHandling(BindingServiceProperties bindings, Environment environment) {
        return new BatchErrorHandling(bindings, environment);
    }

    static final class BatchErrorHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

        private final BindingServiceProperties bindings;
        private final Environment environment;
        /** Not a bean: one would make Boot's own Kafka producer factory back off. */
        private final DefaultKafkaProducerFactory<byte[], byte[]> producers;
        private final KafkaTemplate<byte[], byte[]> deadLetters;

        BatchErrorHandling(BindingServiceProperties bindings, Environment environment) {
            this.bindings = bindings;
            this.environment = environment;
            // The binder's own beans live in its child context; its brokers are this property (service defaults).
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, environment.getRequiredProperty("spring.kafka.bootstrap-servers"));
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            this.producers = new DefaultKafkaProducerFactory<>(config);
            this.deadLetters = new KafkaTemplate<>(producers);
        }

        @Override
        public boolean retryAndDlqInBinding(String destination, String group) {
            return batchBinding(bindings, destination, group).isEmpty();
        }

        @Override
        public void configure(AbstractMessageListenerContainer<?, ?> container, String destination, String group,
                @Nullable BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver,
                @Nullable BackOff backOff) {
            batchBinding(bindings, destination, group).ifPresent(name -> {
                ConsumerProperties consumer = bindings.getBindingProperties(name).getConsumer();
                String dlqName = environment.getProperty("spring.cloud.stream.kafka.bindings." + name + ".consumer.dlq-name",
                        "error." + destination + "." + group);
                DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                        // Any partition: the dead-letter topic need not have as many as the source.
                        (record, ex) -> new TopicPartition(dlqName, -1));
                // The binder sets max-attempts to 1 for batch bindings; the configured value is read here.
                int attempts = environment.getProperty("spring.cloud.stream.bindings." + name + ".consumer.max-attempts",
                        Integer.class, environment.getProperty("spring.cloud.stream.default.consumer.max-attempts",
                                Integer.class, 3));
                ExponentialBackOffWithMaxRetries retries = new ExponentialBackOffWithMaxRetries(Math.max(0, attempts - 1));
                retries.setInitialInterval(consumer.getBackOffInitialInterval());
                retries.setMultiplier(consumer.getBackOffMultiplier());
                retries.setMaxInterval(consumer.getBackOffMaxInterval());
                DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, retries);
                handler.addNotRetryableExceptions(MalformedEventException.class);
                container.setCommonErrorHandler(handler);
            });
        }

        @Override
        public void destroy() {
            producers.destroy();
        }
    }

    /** The name of the batch-mode binding consuming {@code destination} in {@code group}, if there is one. */
    private static Optional<String> batchBinding(BindingServiceProperties bindings, String destination, String group) {
        for (Map.Entry<String, BindingProperties> binding : bindings.getBindings().entrySet()) {
            BindingProperties properties = binding.getValue();
            if (destination.equals(properties.getDestination()) && group.equals(properties.getGroup())
                    && properties.getConsumer() != null && properties.getConsumer().isBatchMode()) {
                return Optional.of(binding.getKey());
            }
        }
        return Optional.empty();
    }
}
