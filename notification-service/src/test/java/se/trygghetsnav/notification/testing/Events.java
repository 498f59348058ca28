package se.trygghetsnav.notification.testing;

import java.time.LocalDate;
import java.util.UUID;

import se.trygghetsnav.testkit.KafkaTestProducer;

/** Plan and follow-up events as their producers publish them, for the tests. */
public final class Events {

    private Events() {
    }

    public static String measure(UUID eventId, UUID planId, long version, UUID measureId, String title, LocalDate start,
            LocalDate due, UUID unitId, String contact, String manager) {
        String schedule = due == null
                ? "{\"type\":\"CONTINUOUS\",\"text\":\"löpande\"" + (start == null ? "" : ",\"startDate\":\"" + start + "\"") + "}"
                : "{\"type\":\"PERIOD\",\"text\":\"perioden\",\"startDate\":\"" + start + "\",\"endDate\":\"" + due + "\"}";
        return """
                {"eventId":"%s","aggregateId":"%s","aggregateVersion":%d,"organisationId":"0188",
                 "occurredAt":"2026-01-15T07:00:00Z","measureId":"%s","focusAreaId":"%s","problemId":"%s",
                 "planTitle":"Testplanen","title":"%s",%s"schedule":%s,
                 "responsibleUnits":[{"unitId":"%s","name":"Testenheten","abbreviation":"TE","contactEmails":["%s"]%s}],
                 "responsible":[{"unitId":"%s"}],"partners":[],"causeIds":[],"goalIds":[],"followUpCriteria":[],"extraColumns":[]}
                """.formatted(eventId, planId, version, measureId, UUID.randomUUID(), UUID.randomUUID(), title,
                due == null ? "" : "\"dueDate\":\"" + due + "\",", schedule, unitId, contact,
                manager == null ? "" : ",\"managerEmail\":\"" + manager + "\"", unitId);
    }

    public static void publishMeasure(String type, UUID planId, String json) {
        String eventId = json.substring(json.indexOf("\"eventId\":\"") + 11, json.indexOf("\"eventId\":\"") + 47);
        KafkaTestProducer.sendCloudEvent("plan.events", eventId, "se.trygghetsnav.plan." + type + ".v1", planId.toString(), json);
    }

    public static void publish(String topic, String type, UUID key, String json) {
        String eventId = json.substring(json.indexOf("\"eventId\":\"") + 11, json.indexOf("\"eventId\":\"") + 47);
        KafkaTestProducer.sendCloudEvent(topic, eventId, type, key.toString(), json);
    }
}
