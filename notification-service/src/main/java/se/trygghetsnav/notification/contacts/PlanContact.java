package se.trygghetsnav.notification.contacts;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/** A plan's title and its coordinator, who gets the last stage of every escalation. */
@Document(ContactDirectory.PLANS)
@TenantOwned
public record PlanContact(@Id UUID planId, String organisationId, UUID seriesId, String title, String coordinatorName,
        String coordinatorEmail) {
}
