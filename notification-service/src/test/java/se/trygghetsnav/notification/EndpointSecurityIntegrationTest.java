package se.trygghetsnav.notification;

import java.util.List;

import se.trygghetsnav.testkit.EndpointSecurityContract;

import static se.trygghetsnav.commons.security.Role.COORDINATOR;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.get;

class EndpointSecurityIntegrationTest extends EndpointSecurityContract {

    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                get("/api/v1/deliveries?recipient=trygghet@example.se", COORDINATOR),
                get("/api/v1/audit-entries", COORDINATOR));
    }
}
