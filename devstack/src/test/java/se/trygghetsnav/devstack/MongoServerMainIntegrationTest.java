package se.trygghetsnav.devstack;

import java.net.ServerSocket;
import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MongoServerMainIntegrationTest {

    @Test
    void dataWrittenBeforeAStopIsThereAfterTheNextStart(@TempDir Path data) throws Exception {
        Path file = data.resolve("mongo/trygghetsnav.mv");
        int port = freePort();

        MongoServerMain.RunningMongo first = MongoServerMain.RunningMongo.start(file, "127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("trygghetsnav-plan").getCollection("action_plans")
                    .insertOne(new Document("_id", "plan-1").append("title", "Åtgärdsplan 2024–2026"));
        }
        first.stop();

        MongoServerMain.RunningMongo second = MongoServerMain.RunningMongo.start(file, "127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            Document plan = client.getDatabase("trygghetsnav-plan").getCollection("action_plans")
                    .find(new Document("_id", "plan-1")).first();
            assertThat(plan).isNotNull();
            assertThat(plan.getString("title")).isEqualTo("Åtgärdsplan 2024–2026");
        }
        finally {
            second.stop();
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
