package se.trygghetsnav.testkit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The Kafka broker, MongoDB endpoint and SMTP server of one test JVM, started once on first use and stopped
 * when the JVM exits. One instance per JVM keeps Spring's context cache and the servers in step: every
 * cached context talks to the same servers, on ports chosen at random so tests never collide with the
 * local run.
 */
public final class TestInfrastructure {

    private static final Logger log = LoggerFactory.getLogger(TestInfrastructure.class);

    /** System property the embedded broker writes its address to, instead of Boot's own property. */
    static final String EMBEDDED_BROKER_PROPERTY = "trygghetsnav.test.embedded-kafka.brokers";

    /** The Kafka image of container mode; docker-compose.yml runs the same. */
    public static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    /** The MongoDB image of container mode; docker-compose.yml runs the same. */
    public static final String MONGO_IMAGE = "mongo:8.0";

    /**
     * Broker settings of both modes. Services stamp their records with the time of their (injected) clock, and tests
     * set that clock to the days they mean: a broker with the default retention would delete records stamped more
     * than a week back while the test still reads them, and refuse records stamped a year ahead. A test broker keeps
     * every record and takes any timestamp.
     */
    static final Map<String, String> TEST_BROKER_SETTINGS = Map.of(
            "log.retention.ms", "-1",
            "log.message.timestamp.after.max.ms", String.valueOf(Long.MAX_VALUE));

    private static volatile TestInfrastructure instance;

    private final InfrastructureMode mode;
    private final String kafkaBootstrapServers;
    private final String mongoUri;
    private final GreenMail greenMail;

    private TestInfrastructure(InfrastructureMode mode, String kafkaBootstrapServers, String mongoUri,
            GreenMail greenMail) {
        this.mode = mode;
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.mongoUri = mongoUri;
        this.greenMail = greenMail;
    }

    /** The servers of this JVM, started on the first call. */
    public static TestInfrastructure get() {
        TestInfrastructure current = instance;
        if (current == null) {
            synchronized (TestInfrastructure.class) {
                if (instance == null) {
                    instance = start(InfrastructureMode.select());
                }
                current = instance;
            }
        }
        return current;
    }

    private static TestInfrastructure start(InfrastructureMode mode) {
        long started = System.nanoTime();
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
        TestInfrastructure infrastructure = switch (mode) {
            case EMBEDDED -> startEmbedded(greenMail);
            case CONTAINERS -> startContainers(greenMail);
        };
        log.info("Test infrastructure: mode={} kafka={} ({}) mongodb={} ({}) smtp=127.0.0.1:{} (GreenMail), ready in {} ms",
                mode, infrastructure.kafkaBootstrapServers,
                mode == InfrastructureMode.EMBEDDED ? "in-JVM KRaft broker" : KAFKA_IMAGE + " container",
                infrastructure.mongoUri,
                mode == InfrastructureMode.EMBEDDED ? "mongo-java-server, in-memory backend"
                        : MONGO_IMAGE + " container, single-node replica set",
                infrastructure.smtpPort(), Duration.ofNanos(System.nanoTime() - started).toMillis());
        return infrastructure;
    }

    private static TestInfrastructure startEmbedded(GreenMail greenMail) {
        EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
        kafka.kafkaPorts(0);
        // The broker would otherwise set spring.kafka.bootstrap-servers JVM-wide, letting a test pass by accident.
        kafka.brokerListProperty(EMBEDDED_BROKER_PROPERTY);
        kafka.brokerProperty("group.initial.rebalance.delay.ms", "0");
        TEST_BROKER_SETTINGS.forEach(kafka::brokerProperty);
        kafka.afterPropertiesSet();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy, "embedded-kafka-stop"));

        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoUri = mongo.bindAndGetConnectionString();
        Runtime.getRuntime().addShutdownHook(new Thread(mongo::shutdownNow, "embedded-mongo-stop"));
        return new TestInfrastructure(InfrastructureMode.EMBEDDED, kafka.getBrokersAsString(), mongoUri, greenMail);
    }

    @SuppressWarnings("resource") // stopped by Testcontainers' Ryuk when the JVM exits
    private static TestInfrastructure startContainers(GreenMail greenMail) {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        TEST_BROKER_SETTINGS.forEach((name, value) ->
                kafka.withEnv("KAFKA_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE).withReplicaSet();
        kafka.start();
        mongo.start();
        return new TestInfrastructure(InfrastructureMode.CONTAINERS, kafka.getBootstrapServers(),
                mongo.getReplicaSetUrl(), greenMail);
    }

    public InfrastructureMode mode() {
        return mode;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public String mongoUri() {
        return mongoUri;
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    /**
     * The Spring properties that point a service at these servers and at the test token issuer. The Kafka
     * binder ignores Boot's connection details, so its brokers are set as well (architecture.md).
     */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        properties.put("spring.cloud.stream.kafka.binder.brokers", kafkaBootstrapServers);
        properties.put("spring.mongodb.uri", mongoUri);
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", smtpPort());
        properties.put("spring.mail.properties.mail.smtp.auth", "false");
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokens.ISSUER);
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwkSetUri());
        properties.put("spring.security.oauth2.resourceserver.jwt.audiences", TestTokens.AUDIENCE);
        properties.put("server.port", 0);
        properties.put("management.server.port", 0);
        return properties;
    }
}
