package se.trygghetsnav.followup;

import se.trygghetsnav.testkit.OperationalEndpointsContract;

class OperationalEndpointsIntegrationTest extends OperationalEndpointsContract {

    OperationalEndpointsIntegrationTest() {
        super("mongo", "kafka", "binders");
    }
}
