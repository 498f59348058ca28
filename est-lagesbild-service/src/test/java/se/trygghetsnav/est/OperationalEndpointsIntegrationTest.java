package se.trygghetsnav.est;

import java.util.List;

import org.springframework.boot.test.context.SpringBootTest;

import se.trygghetsnav.testkit.OperationalEndpointsContract;
import se.trygghetsnav.testkit.UseTestInfrastructure;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@UseTestInfrastructure
class OperationalEndpointsIntegrationTest extends OperationalEndpointsContract {

    @Override
    protected List<String> readinessComponents() {
        return List.of("mongo", "kafka", "binders");
    }
}
