package se.trygghetsnav.plan.transfer;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plan.actionplan.Contact;
import se.trygghetsnav.plan.actionplan.ExtraColumn;
import se.trygghetsnav.plan.actionplan.Indicator;
import se.trygghetsnav.plan.actionplan.PartnerOrganisation;
import se.trygghetsnav.plan.actionplan.Recurrence;
import se.trygghetsnav.plan.actionplan.Schedule;
import se.trygghetsnav.plandocument.PlanDocument;

/** The value types a plan document shares with the model, one to one. */
final class TransferMappings {

    private TransferMappings() {
    }

    static PlanDocument.@Nullable Schedule toDocument(@Nullable Schedule schedule) {
        if (schedule == null) {
            return null;
        }
        Recurrence recurrence = schedule.recurrence();
        return new PlanDocument.Schedule(schedule.type(), schedule.text(), schedule.dueDate(), schedule.startDate(),
                schedule.endDate(), recurrence == null ? null
                        : new PlanDocument.Recurrence(recurrence.times(), recurrence.per(), recurrence.exceptMonths()));
    }

    static @Nullable Schedule toSchedule(PlanDocument.@Nullable Schedule schedule) {
        if (schedule == null) {
            return null;
        }
        PlanDocument.Recurrence recurrence = schedule.recurrence();
        return new Schedule(schedule.type(), schedule.text(), schedule.dueDate(), schedule.startDate(),
                schedule.endDate(), recurrence == null ? null
                        : new Recurrence(recurrence.times(), recurrence.per(), recurrence.exceptMonths()));
    }

    static PartnerOrganisation toPartner(PlanDocument.Partner partner) {
        return new PartnerOrganisation(partner.name(), partner.organisationId(), partner.agreement());
    }

    static @Nullable Contact toContact(PlanDocument.@Nullable Contact contact) {
        return contact == null ? null : new Contact(contact.name(), contact.email(), contact.phone());
    }

    static Indicator toIndicator(PlanDocument.Indicator indicator) {
        return new Indicator(indicator.text(), indicator.dataSource(), indicator.higherIsBetter());
    }

    static ExtraColumn toExtraColumn(PlanDocument.ExtraColumn column) {
        return new ExtraColumn(column.name(), column.value());
    }
}
