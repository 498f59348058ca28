package se.trygghetsnav.commons.health;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether the Kafka cluster answers. Producer-only services (the outbox relay uses a plain
 * {@code KafkaTemplate}) have no binder whose health would say so.
 */
public class KafkaClusterHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Object> adminConfig;
    private volatile AdminClient admin;

    public KafkaClusterHealthIndicator(Map<String, Object> adminConfig) {
        super("Kafka health check failed");
        this.adminConfig = Map.copyOf(adminConfig);
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        DescribeClusterResult cluster = admin().describeCluster(
                new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()));
        int nodes = cluster.nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
        String clusterId = cluster.clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        builder.status(nodes > 0 ? Status.UP
                : Status.DOWN)
                .withDetail("clusterId", clusterId)
                .withDetail("nodes", nodes);
    }

    private AdminClient admin() {
        AdminClient current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = AdminClient.create(adminConfig);
                }
                current = admin;
            }
        }
        return current;
    }

    @Override
    public void destroy() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
