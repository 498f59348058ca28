package se.trygghetsnav.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MongoDB of the local run: mongo-java-server (a MongoDB wire-protocol server in Java) with its H2
 * file backend, so data survives restarts. No MongoDB binary can be installed on the project's machines
 * (architecture.md). A normal stop keeps everything; {@code kill -9} may lose writes of the last second.
 *
 * <p>Arguments: {@code <data file> [port] [host]}, defaults port 27017 on 127.0.0.1.
 */
public final class MongoServerMain {

    private static final Logger log = LoggerFactory.getLogger(MongoServerMain.class);

    private MongoServerMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: MongoServerMain <data file> [port] [host]");
            System.exit(2);
        }
        Path dataFile = Path.of(args[0]).toAbsolutePath();
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 27017;
        String host = args.length > 2 ? args[2] : "127.0.0.1";
        RunningMongo mongo = RunningMongo.start(dataFile, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.stop();
            stopped.countDown();
        }, "mongo-stop"));
        log.info("MongoDB wire server (mongo-java-server, H2 file {}) listening on {}:{}", dataFile, host, port);
        stopped.await();
    }

    /** A started server and its backend, stopped together so the H2 store is committed and closed. */
    record RunningMongo(MongoServer server, H2Backend backend) {

        static RunningMongo start(Path dataFile, String host, int port) throws IOException {
            Files.createDirectories(dataFile.getParent());
            H2Backend backend = new H2Backend(dataFile.toString());
            MongoServer server = new MongoServer(backend);
            server.bind(host, port);
            return new RunningMongo(server, backend);
        }

        void stop() {
            server.shutdown();
            backend.close();
        }
    }
}
