package se.trygghetsnav.commons.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservation;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import se.trygghetsnav.commons.service.ServiceEnvironmentPostProcessor;
import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.audit.AuditTrail;
import se.trygghetsnav.commons.audit.AuditTrailController;
import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.health.KafkaClusterHealthIndicator;
import se.trygghetsnav.commons.health.MongoPingHealthIndicator;
import se.trygghetsnav.commons.idempotency.ProcessedEventLog;
import se.trygghetsnav.commons.outbox.EventSerializer;
import se.trygghetsnav.commons.outbox.OutboxProperties;
import se.trygghetsnav.commons.outbox.OutboxRelay;
import se.trygghetsnav.commons.problem.ProblemDetailsAdvice;
import se.trygghetsnav.commons.service.IdSource;
import se.trygghetsnav.commons.service.TimeOrderedIdGenerator;
import se.trygghetsnav.commons.worker.BackgroundWorker;

/** The beans every Trygghetsnav service shares. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" },
        // Our ping-based indicator replaces Boot's hello-based one, which the embedded server cannot answer.
        beforeName = "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration")
@EnableConfigurationProperties({ OutboxProperties.class, KafkaTopicProperties.class })
@ConditionalOnProperty(ServiceEnvironmentPostProcessor.SERVICE_NAME_PROPERTY)
public class ServiceCommonsAutoConfiguration {

    /** Dates people mean (due dates, meeting days) are in Swedish time. */
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(STOCKHOLM);
    }

    @Bean
    @ConditionalOnMissingBean
    IdSource idSource() {
        return new TimeOrderedIdGenerator();
    }

    @Bean
    EventContext eventContext(IdSource ids, Clock clock) {
        return new EventContext(ids, clock);
    }

    @Bean
    EventSerializer eventSerializer(JsonMapper jsonMapper) {
        return new EventSerializer(jsonMapper);
    }

    @Bean
    AggregateStores aggregateStores(MongoTemplate mongo, EventSerializer serializer) {
        return new AggregateStores(mongo, serializer);
    }

    @Bean
    @ConditionalOnMissingBean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getCollection("shedlock"));
    }

    @Bean
    @ConditionalOnMissingBean
    LockingTaskExecutor lockingTaskExecutor(LockProvider lockProvider) {
        return new DefaultLockingTaskExecutor(lockProvider);
    }

    /**
     * The relay's own producer. Serializers, {@code acks=all} and idempotence are what the outbox relies on,
     * so they are set here rather than left to configuration (the Kafka binder, for one, sets byte-array
     * serializer defaults for Boot's template); the rest comes from {@code spring.kafka.producer.*}.
     */
    @Bean
    KafkaTemplate<String, byte[]> outboxKafkaTemplate(KafkaProperties kafkaProperties) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
        template.setObservationEnabled(true);
        // Under its own name: the binder's templates time their sends as spring.kafka.template with other
        // tags, and Prometheus drops a second meter of one name with different tag keys.
        template.setObservationConvention(new KafkaTemplateObservation.DefaultKafkaTemplateObservationConvention() {
            @Override
            public String getName() {
                return "trygghetsnav.outbox.publish";
            }
        });
        return template;
    }

    @Bean
    OutboxRelay outboxRelay(MongoTemplate mongo, @Qualifier("outboxKafkaTemplate") KafkaTemplate<String, byte[]> kafka,
            List<AggregateStore<?>> stores, AggregateStores aggregateStores, LockingTaskExecutor locks,
            OutboxProperties properties, @Value("${spring.application.name}") String applicationName, MeterRegistry meters,
            AuditTrail auditTrail) {
        URI source = properties.source() != null ? properties.source() : URI.create("/trygghetsnav/" + applicationName);
        return new OutboxRelay(mongo, kafka, stores, aggregateStores.pendingAggregates(), locks, properties, source, meters,
                auditTrail);
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo) {
        return new AuditTrail(mongo);
    }

    @Bean
    AuditTrailController auditTrailController(MongoTemplate mongo) {
        return new AuditTrailController(mongo);
    }

    /** Relays on its own thread, woken by every save; tests stop and start it to simulate a crashed relay. */
    @Bean
    BackgroundWorker outboxRelayWorker(OutboxRelay relay, AggregateStores stores, List<AggregateStore<?>> storeList,
            OutboxProperties properties) {
        return new BackgroundWorker("outbox-relay", relay::relayPending, stores.relaySignal(), properties.pollInterval(),
                properties.maxBackoff(), properties.relayEnabled() && !storeList.isEmpty());
    }

    /** The topics this service publishes to, created with several partitions (architecture.md). */
    @Bean
    KafkaAdmin.NewTopics outboxTopics(List<AggregateStore<?>> stores, KafkaTopicProperties topics) {
        return new KafkaAdmin.NewTopics(stores.stream()
                .map(AggregateStore::topic)
                .distinct()
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(topics.partitions())
                        .replicas(topics.replicationFactor())
                        .build())
                .toArray(NewTopic[]::new));
    }

    @Bean
    ProcessedEventLog processedEventLog(MongoTemplate mongo, Clock clock) {
        return new ProcessedEventLog(mongo, clock);
    }

    @Bean
    ProblemDetailsAdvice problemDetailsAdvice(MessageSource messageSource) {
        return new ProblemDetailsAdvice(messageSource);
    }

    @Bean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaClusterHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaClusterHealthIndicator(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name}") String applicationName,
            @Value("${trygghetsnav.api.description:}") String description) {
        return new OpenAPI().info(new Info()
                .title("Trygghetsnav " + applicationName)
                .version("v1")
                .description(description));
    }
}
