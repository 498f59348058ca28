package se.trygghetsnav.notification;

import se.trygghetsnav.testkit.OperationalEndpointsContract;

class OperationalEndpointsIntegrationTest extends OperationalEndpointsContract {

    OperationalEndpointsIntegrationTest() {
        super("mongo", "kafka", "binders");
    }
}
