package se.trygghetsnav.notification.assignment;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.notification.contacts.MeasureState;
import se.trygghetsnav.notification.delivery.MailKeys;
import se.trygghetsnav.notification.delivery.MailQueue;
import se.trygghetsnav.notification.delivery.MailRequest;

/**
 * Tells each contact address of a responsible unit that the unit was made responsible for a new measure:
 * one mail per measure, unit and address, whatever number of times the event arrives.
 */
@Component
public class MeasureAssignmentNotices {

    static final String TEMPLATE = "measure-assigned";

    private final MailQueue mails;
    private final URI planServiceUrl;

    public MeasureAssignmentNotices(MailQueue mails,
            @Value("${trygghetsnav.notification.links.plan-service:http://localhost:8081}") URI planServiceUrl) {
        this.mails = mails;
        this.planServiceUrl = planServiceUrl;
    }

    public void onMeasureAdded(InboundEvent event, MeasureState measure) {
        for (MeasureState.ResponsibleUnit unit : measure.responsibleUnits()) {
            List<String> othersTold = measure.responsibleUnits().stream()
                    .filter(other -> !other.unitId().equals(unit.unitId()))
                    .map(MeasureState.ResponsibleUnit::displayName)
                    .toList();
            for (String address : unit.contactEmails().stream().filter(Objects::nonNull).distinct().toList()) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("planTitle", measure.planTitle());
                model.put("measureTitle", measure.title());
                model.put("dueDate", measure.dueDate());
                model.put("unitName", unit.displayName());
                model.put("othersTold", othersTold);
                model.put("link", planServiceUrl + "/api/v1/plans/" + measure.aggregateId() + "/measures/" + measure.measureId());
                mails.enqueue(new MailRequest(
                        MailKeys.of("measure-assigned", measure.measureId(), unit.unitId(), address),
                        measure.organisationId(), address, TEMPLATE, model,
                        "Adressen är kontaktadress för " + unit.displayName() + ", som har angetts som ansvarig för åtgärden.",
                        "plan/" + measure.aggregateId() + "/measure/" + measure.measureId(), event.id()));
            }
        }
    }
}
