package se.trygghetsnav.notification;

import java.util.List;
import java.util.Map;

import se.trygghetsnav.testkit.EndpointSecurityContract;

import static se.trygghetsnav.commons.security.Role.COORDINATOR;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.get;
import static se.trygghetsnav.testkit.EndpointSecurityContract.SecuredEndpoint.put;

class EndpointSecurityIntegrationTest extends EndpointSecurityContract {

    @Override
    protected List<SecuredEndpoint> endpoints() {
        return List.of(
                get("/api/v1/deliveries?recipient=trygghet@example.se", COORDINATOR),
                get("/api/v1/audit-entries", COORDINATOR),
                get("/api/v1/notifications?recipient=trygghet@example.se", COORDINATOR),
                get("/api/v1/notification-settings", COORDINATOR),
                put("/api/v1/notification-settings", data -> Map.of("longLeadDays", 21), COORDINATOR),
                put("/api/v1/recipient-preferences?recipient=trygghet@example.se", data -> Map.of("frequency", "WEEKLY"),
                        COORDINATOR));
    }
}
