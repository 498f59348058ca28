package se.trygghetsnav.notification.contacts;

import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * A unit of an organisation's directory as notification-service knows it: who gets its reminders (the contact
 * addresses) and its escalations (the manager). From org-unit events, or from the first measure event naming it.
 */
@Document(ContactDirectory.UNITS)
@TenantOwned
public record UnitContact(@Id UUID unitId, String organisationId, String name, String abbreviation,
        List<String> contactEmails, String managerEmail) {

    public String displayName() {
        return MeasureState.ResponsibleUnit.displayName(name, abbreviation);
    }
}
