package se.trygghetsnav.followup.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import se.trygghetsnav.contracts.EventContracts;
import se.trygghetsnav.testkit.KafkaTestProducer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plays plan-service for tests: sends the events of one plan revision to {@code plan.events} exactly as the
 * contracts describe them (every payload is validated against its schema before it is sent), with versions
 * counted up, and remembers what it sent so a test can send an event again (a duplicate) or draft the next
 * revision with the same element ids.
 */
public final class PlanEventStream {

    public static final String TOPIC = "plan.events";
    private static final String TYPE = "se.trygghetsnav.plan.%s.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String organisationId;
    private final UUID planId;
    private final UUID seriesId;
    private final int revision;
    private final String title;
    private long version;
    private final List<Sent> sent = new ArrayList<>();
    /** The tree as added and changed so far, in order, for the next revision to start with. */
    private final Map<UUID, Sent> tree = new LinkedHashMap<>();

    private PlanEventStream(String organisationId, UUID planId, UUID seriesId, int revision, String title) {
        this.organisationId = organisationId;
        this.planId = planId;
        this.seriesId = seriesId;
        this.revision = revision;
        this.title = title;
    }

    /** A new plan, announced as created (version 1). */
    public static PlanEventStream create(String organisationId, String title) {
        UUID id = UUID.randomUUID();
        PlanEventStream plan = new PlanEventStream(organisationId, id, id, 1, title);
        plan.send("plan-created", map("seriesId", id, "revision", 1, "status", "DRAFT", "title", title,
                "period", map("startYear", 2024, "endYear", 2026), "partnerOrganisations", List.of(), "columns", List.of()));
        return plan;
    }

    public UUID planId() {
        return planId;
    }

    public String organisationId() {
        return organisationId;
    }

    public long version() {
        return version;
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public void updateTitle(String newTitle) {
        send("plan-updated", map("title", newTitle, "period", map("startYear", 2024, "endYear", 2026),
                "partnerOrganisations", List.of(), "columns", List.of()));
    }

    public UUID focusArea(String name, Map<String, Object>... indicators) {
        UUID id = UUID.randomUUID();
        tree.put(id, send("focus-area-added", map("focusAreaId", id, "name", name, "indicators", List.of(indicators))));
        return id;
    }

    public void changeFocusArea(UUID focusAreaId, String name, Map<String, Object>... indicators) {
        tree.put(focusAreaId, send("focus-area-changed", map("focusAreaId", focusAreaId, "name", name,
                "indicators", List.of(indicators))).as("focus-area-added"));
    }

    public UUID problem(UUID focusAreaId, String title) {
        UUID id = UUID.randomUUID();
        tree.put(id, send("problem-added", map("focusAreaId", focusAreaId, "problemId", id, "title", title)));
        return id;
    }

    public UUID cause(UUID problemId, String text) {
        UUID id = UUID.randomUUID();
        tree.put(id, send("cause-added", map("problemId", problemId, "causeId", id, "text", text)));
        return id;
    }

    public void removeCause(UUID problemId, UUID causeId) {
        tree.remove(causeId);
        send("cause-removed", map("problemId", problemId, "causeId", causeId));
    }

    /** A goal with SMART parts (any may be null). */
    public UUID goal(UUID problemId, String text, String indicator, String baseline, String targetValue, LocalDate targetDate) {
        UUID id = UUID.randomUUID();
        Map<String, Object> payload = map("problemId", problemId, "goalId", id, "text", text);
        putIfPresent(payload, "indicator", indicator);
        putIfPresent(payload, "baseline", baseline);
        putIfPresent(payload, "targetValue", targetValue);
        putIfPresent(payload, "targetDate", targetDate);
        tree.put(id, send("goal-added", payload));
        return id;
    }

    public UUID measure(MeasureSpec spec) {
        UUID id = spec.measureId() != null ? spec.measureId() : UUID.randomUUID();
        tree.put(id, send("measure-added", measurePayload(id, spec)));
        return id;
    }

    public void changeMeasure(UUID measureId, MeasureSpec spec) {
        tree.put(measureId, send("measure-changed", measurePayload(measureId, spec)).as("measure-added"));
    }

    public void removeMeasure(UUID focusAreaId, UUID problemId, UUID measureId) {
        tree.remove(measureId);
        send("measure-removed", map("focusAreaId", focusAreaId, "problemId", problemId, "measureId", measureId));
    }

    public void adopt(LocalDate decisionDate) {
        adopt(decisionDate, null);
    }

    public void adopt(LocalDate decisionDate, PlanEventStream supersedes) {
        Map<String, Object> payload = map("seriesId", seriesId, "revision", revision,
                "decision", map("decidingBody", "Kommunstyrelsen", "decisionDate", decisionDate, "reference", "KS 2024/1"));
        if (supersedes != null) {
            payload.put("supersedesPlanId", supersedes.planId);
        }
        send("plan-adopted", payload);
    }

    public void archive(String reason, PlanEventStream supersededBy) {
        Map<String, Object> payload = map("reason", reason);
        if (supersededBy != null) {
            payload.put("supersededByPlanId", supersededBy.planId);
        }
        send("plan-archived", payload);
    }

    /** Drafts the next revision: plan-revised, then every element of this one with its id, as plan-service does. */
    public PlanEventStream draftRevision() {
        PlanEventStream next = new PlanEventStream(organisationId, UUID.randomUUID(), seriesId, revision + 1, title);
        next.send("plan-revised", map("seriesId", seriesId, "revision", revision + 1, "previousRevisionId", planId,
                "status", "DRAFT", "title", title, "period", map("startYear", 2024, "endYear", 2026),
                "partnerOrganisations", List.of(), "columns", List.of()));
        tree.forEach((id, element) -> next.tree.put(id, next.send(element.kind(), element.content())));
        return next;
    }

    /** Sends an event already sent once more, with the same event id: a duplicate delivery. */
    public void resend(Sent event) {
        KafkaTestProducer.sendCloudEvent(TOPIC, event.eventId().toString(), event.type(), planId.toString(), event.json());
    }

    private Map<String, Object> measurePayload(UUID id, MeasureSpec spec) {
        Map<String, Object> payload = map("measureId", id, "focusAreaId", spec.focusAreaId(), "problemId", spec.problemId(),
                "planTitle", title, "title", spec.title(),
                "responsibleUnits", spec.units().stream().map(unit -> {
                    Map<String, Object> resolved = map("unitId", unit.unitId(), "name", unit.name(),
                            "contactEmails", List.of(unit.email()));
                    putIfPresent(resolved, "abbreviation", unit.abbreviation());
                    return resolved;
                }).toList(),
                "responsible", spec.units().stream().map(unit -> map("unitId", unit.unitId())).toList(),
                "partners", List.of(), "causeIds", spec.causeIds(), "goalIds", spec.goalIds(),
                "followUpCriteria", spec.followUpCriteria(), "extraColumns", List.of());
        putIfPresent(payload, "schedule", spec.schedule());
        putIfPresent(payload, "dueDate", spec.dueDate());
        return payload;
    }

    private Sent send(String kind, Map<String, Object> content) {
        version++;
        UUID eventId = UUID.randomUUID();
        Map<String, Object> payload = map("eventId", eventId, "aggregateId", planId, "aggregateVersion", version,
                "organisationId", organisationId, "occurredAt", Instant.parse("2024-02-01T08:00:00Z").plusSeconds(version));
        payload.putAll(content);
        String type = TYPE.formatted(kind);
        String json = JSON.writeValueAsString(payload);
        assertThat(EventContracts.get().validate(type, json)).as("the test's own %s event", kind).isEmpty();
        KafkaTestProducer.sendCloudEvent(TOPIC, eventId.toString(), type, planId.toString(), json);
        Sent event = new Sent(eventId, type, kind, content, json);
        sent.add(event);
        return event;
    }

    /** A unit of the directory, and its own events (keyed by the unit). */
    public record Unit(UUID unitId, String name, String abbreviation, String email) {

        public static Unit named(String name, String abbreviation) {
            return new Unit(UUID.randomUUID(), name, abbreviation,
                    abbreviation.toLowerCase(java.util.Locale.ROOT) + "@kommun.example.se");
        }

        /** Sends org-unit-changed (or registered at version 1) with this unit's new name and address. */
        public Unit announce(String organisationId, long unitVersion, String newName, String newEmail) {
            String kind = unitVersion == 1 ? "org-unit-registered" : "org-unit-changed";
            String type = TYPE.formatted(kind);
            Map<String, Object> payload = map("eventId", UUID.randomUUID(), "aggregateId", unitId,
                    "aggregateVersion", unitVersion, "organisationId", organisationId,
                    "occurredAt", Instant.parse("2024-03-01T08:00:00Z").plusSeconds(unitVersion),
                    "name", newName, "abbreviation", abbreviation, "contactEmails", List.of(newEmail),
                    "managerEmail", "chef." + newEmail);
            String json = JSON.writeValueAsString(payload);
            assertThat(EventContracts.get().validate(type, json)).as("the test's own %s event", kind).isEmpty();
            KafkaTestProducer.sendCloudEvent(TOPIC, payload.get("eventId").toString(), type, unitId.toString(), json);
            return new Unit(unitId, newName, abbreviation, newEmail);
        }
    }

    /** What a measure event says; {@code measureId} null for a new id. */
    public record MeasureSpec(UUID measureId, UUID focusAreaId, UUID problemId, String title, Map<String, Object> schedule,
            LocalDate dueDate, List<Unit> units, List<UUID> causeIds, List<UUID> goalIds, List<String> followUpCriteria) {

        public static MeasureSpec dueOn(UUID focusAreaId, UUID problemId, String title, LocalDate dueDate, Unit... units) {
            return new MeasureSpec(null, focusAreaId, problemId, title, map("type", "DUE_DATE", "dueDate", dueDate),
                    dueDate, List.of(units), List.of(), List.of(), List.of());
        }

        /** "times per unit" from start to end, pausing in the except months (e.g. "JULY"). */
        public static MeasureSpec recurring(UUID focusAreaId, UUID problemId, String title, int times, String per,
                LocalDate start, LocalDate end, List<String> exceptMonths, Unit... units) {
            return new MeasureSpec(null, focusAreaId, problemId, title, map("type", "RECURRENCE", "startDate", start,
                    "endDate", end, "recurrence", map("times", times, "per", per, "exceptMonths", exceptMonths)),
                    end, List.of(units), List.of(), List.of(), List.of());
        }

        public MeasureSpec withTitle(String newTitle) {
            return new MeasureSpec(measureId, focusAreaId, problemId, newTitle, schedule, dueDate, units, causeIds, goalIds,
                    followUpCriteria);
        }

        public MeasureSpec withDueDate(LocalDate newDueDate) {
            return new MeasureSpec(measureId, focusAreaId, problemId, title, map("type", "DUE_DATE", "dueDate", newDueDate),
                    newDueDate, units, causeIds, goalIds, followUpCriteria);
        }

        public MeasureSpec withCriteria(String... criteria) {
            return new MeasureSpec(measureId, focusAreaId, problemId, title, schedule, dueDate, units, causeIds, goalIds,
                    List.of(criteria));
        }

        public MeasureSpec linkedTo(List<UUID> causes, List<UUID> goals) {
            return new MeasureSpec(measureId, focusAreaId, problemId, title, schedule, dueDate, units, causes, goals,
                    followUpCriteria);
        }
    }

    /** An event as sent; {@code kind} is what a revision re-announces it as (changed elements are added anew). */
    public record Sent(UUID eventId, String type, String kind, Map<String, Object> content, String json) {

        Sent as(String newKind) {
            return new Sent(eventId, type, newKind, content, json);
        }
    }

    public static Map<String, Object> indicator(String text, String dataSource, boolean higherIsBetter) {
        return map("text", text, "dataSource", dataSource, "higherIsBetter", higherIsBetter);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
