package se.trygghetsnav.plan;

import se.trygghetsnav.testkit.OperationalEndpointsContract;

class OperationalEndpointsIntegrationTest extends OperationalEndpointsContract {

    OperationalEndpointsIntegrationTest() {
        super("mongo", "kafka");
    }
}
