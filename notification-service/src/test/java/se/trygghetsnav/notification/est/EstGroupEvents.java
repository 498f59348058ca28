package se.trygghetsnav.notification.est;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.testkit.KafkaTestProducer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test's EST group on {@code est.events}, as est-lagesbild-service publishes it: each event is its golden
 * example with this group's ids, members and versions, checked against its contract before it is sent (CloudEvents
 * in binary mode, group events keyed by the group, week events by the week report).
 */
final class EstGroupEvents {

    static final String TOPIC = "est.events";
    static final String GROUP_REGISTERED = "se.trygghetsnav.est.group-registered.v1";
    static final String WEEK_OPENED = "se.trygghetsnav.est.week-opened.v1";
    static final String ENTRIES_POSTED = "se.trygghetsnav.est.entries-posted.v1";
    static final String WEEK_PUBLISHED = "se.trygghetsnav.est.week-published.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A member; without an organisation it only gets mail. */
    record Member(UUID memberId, String name, String organisationId, List<String> contactEmails) {

        static Member posting(String name, String organisationId, String... addresses) {
            return new Member(UUID.randomUUID(), name, organisationId, List.of(addresses));
        }

        static Member mailOnly(String name, String... addresses) {
            return new Member(UUID.randomUUID(), name, null, List.of(addresses));
        }
    }

    /** An event as sent, to send again as it was. */
    record Sent(String type, String key, String eventId, String json) {

        void resend() {
            KafkaTestProducer.sendCloudEvent(TOPIC, eventId, type, key, json);
        }
    }

    final UUID groupId = UUID.randomUUID();
    final List<Member> members;

    EstGroupEvents(Member... members) {
        this.members = List.of(members);
    }

    /** The week report's id as est-lagesbild-service derives it (a name-based UUID of group and week). */
    UUID weekReportId(String isoWeek) {
        return UUID.nameUUIDFromBytes(("trygghetsnav:est:week-report:" + groupId + ":" + isoWeek).getBytes(StandardCharsets.UTF_8));
    }

    Sent groupRegistered(Instant occurredAt) {
        ObjectNode event = golden(GROUP_REGISTERED, groupId, 1);
        event.put("occurredAt", occurredAt.toString());
        ArrayNode listed = event.putArray("members");
        Set<String> organisations = new LinkedHashSet<>(List.of(event.path("ownerOrganisationId").asString()));
        for (Member member : members) {
            ObjectNode node = listed.addObject().put("memberId", member.memberId().toString()).put("name", member.name())
                    .put("kind", member.organisationId() == null ? "ASSOCIATION" : "MUNICIPAL_DEPARTMENT");
            if (member.organisationId() != null) {
                node.put("organisationId", member.organisationId());
                organisations.add(member.organisationId());
            }
            member.contactEmails().forEach(node.putArray("contactEmails")::add);
        }
        organisations.forEach(event.putArray("memberOrganisationIds")::add);
        return send(GROUP_REGISTERED, groupId, event);
    }

    Sent weekOpened(String isoWeek) {
        return send(WEEK_OPENED, weekReportId(isoWeek), weekEvent(WEEK_OPENED, isoWeek, 1));
    }

    Sent entriesPosted(String isoWeek, long version, Member by) {
        ObjectNode event = weekEvent(ENTRIES_POSTED, isoWeek, version);
        event.put("submissionId", UUID.randomUUID().toString())
                .put("reportingOrganisationId", by.organisationId())
                .put("reportingMemberId", by.memberId().toString());
        event.path("entries").values().forEach(entry -> ((ObjectNode) entry).put("reportingOrganisationId", by.organisationId()));
        return send(ENTRIES_POSTED, weekReportId(isoWeek), event);
    }

    Sent weekPublished(String isoWeek, long version, Instant occurredAt) {
        ObjectNode event = weekEvent(WEEK_PUBLISHED, isoWeek, version);
        event.put("occurredAt", occurredAt.toString());
        return send(WEEK_PUBLISHED, weekReportId(isoWeek), event);
    }

    private ObjectNode weekEvent(String type, String isoWeek, long version) {
        ObjectNode event = golden(type, weekReportId(isoWeek), version);
        event.put("groupId", groupId.toString());
        event.put("isoWeek", isoWeek);
        return event;
    }

    private static ObjectNode golden(String type, UUID aggregateId, long version) {
        ObjectNode event = (ObjectNode) JSON.readTree(EventContracts.get().goldenExample(type));
        event.put("eventId", UUID.randomUUID().toString());
        event.put("aggregateId", aggregateId.toString());
        event.put("aggregateVersion", version);
        return event;
    }

    private static Sent send(String type, UUID key, ObjectNode event) {
        String json = JSON.writeValueAsString(event);
        assertThat(EventContracts.get().validate(type, json)).as(type).isEmpty();
        Sent sent = new Sent(type, key.toString(), event.path("eventId").asString(), json);
        sent.resend();
        return sent;
    }
}
