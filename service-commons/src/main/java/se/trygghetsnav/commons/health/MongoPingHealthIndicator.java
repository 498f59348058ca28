package se.trygghetsnav.commons.health;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * MongoDB health by {@code {ping: 1}}. Boot's own indicator sends {@code hello}, which the embedded
 * mongo-java-server does not know (architecture.md); {@code ping} works on both.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ping", answer.get("ok"));
    }
}
