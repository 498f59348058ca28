package se.trygghetsnav.plan.orgunit;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;

/**
 * A unit of an organisation's directory (förvaltning, enhet, bolag) that can be responsible for measures:
 * KSK, BoU, KoF, a police area's investigation group. Its contact addresses get the reminders; its manager
 * gets the escalations.
 */
// The embedded MongoDB server uses an index only when a query's keys equal the index's keys, and tenancy adds the
// owner to every query: these let reads by id ({_id, organisationId}) and guarded saves ({_id, version,
// organisationId}) look up instead of scanning every organisation's documents.
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'organisationId': 1}", unique = true)
@CompoundIndex(name = "tenant_write", def = "{'_id': 1, 'version': 1, 'organisationId': 1}", unique = true)
@Document("org_units")
public class OrgUnit extends AggregateRoot {

    private String name;

    private String abbreviation;

    private List<String> contactEmails;

    private String managerEmail;

    private Instant registeredAt;

    protected OrgUnit() {
    }

    private OrgUnit(EventContext context, String organisationId) {
        super(context.newId(), organisationId);
    }

    public static OrgUnit register(String organisationId, String name, String abbreviation, List<String> contactEmails,
            String managerEmail, EventContext context) {
        OrgUnit unit = new OrgUnit(context, organisationId);
        unit.name = name;
        unit.abbreviation = abbreviation;
        unit.contactEmails = List.copyOf(contactEmails);
        unit.managerEmail = managerEmail;
        unit.registeredAt = context.now();
        unit.raise(version -> new OrgUnitRegistered(context.newId(), unit.getId(), version, organisationId,
                unit.registeredAt, name, abbreviation, unit.contactEmails, managerEmail));
        return unit;
    }

    /** Renames the unit or changes its contacts; every plan shows the new name, consumers get the new contacts. */
    public void change(String newName, String newAbbreviation, List<String> newContactEmails, String newManagerEmail,
            EventContext context) {
        name = newName;
        abbreviation = newAbbreviation;
        contactEmails = List.copyOf(newContactEmails);
        managerEmail = newManagerEmail;
        Instant now = context.now();
        raise(version -> new OrgUnitChanged(context.newId(), getId(), version, getOrganisationId(), now, name,
                abbreviation, contactEmails, managerEmail));
    }

    public String getName() {
        return name;
    }

    public String getAbbreviation() {
        return abbreviation;
    }

    public List<String> getContactEmails() {
        return contactEmails;
    }

    public String getManagerEmail() {
        return managerEmail;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }
}
