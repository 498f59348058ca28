package se.trygghetsnav.plandocument;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays plan-service for the consumers' tests and benchmarks: a {@link PlanDocument} as the events plan-service
 * sends to {@code plan.events} when it imports the document and the plan is adopted, in its order and shapes
 * (event-contracts' plan schemas): plan-created with the whole header, then per focus area focus-area-added and per
 * problem problem-added, cause-added, goal-added and measure-added (each measure with its responsible units resolved
 * to their names and contacts), and plan-adopted. Elements and units get fresh ids; optional values without a value
 * are left out, as plan-service leaves them out. Sending is the caller's (a test producer, a plain Kafka producer).
 */
public final class PlanDocumentEvents {

    private static final String TYPE = "se.trygghetsnav.plan.%s.v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanDocumentEvents() {
    }

    /** An event to send: its CloudEvents id and type, its record key (the plan id) and its JSON payload. */
    public record Event(UUID eventId, String type, String key, String json) {
    }

    /**
     * The events of one plan, with the ids they gave the document's elements.
     *
     * @param ids the plan's element ids by the document's local ids (focus areas, problems, causes, goals, measures)
     * @param unitIds the units' ids by how the document names them (abbreviation, or name)
     */
    public record Plan(UUID planId, Map<String, UUID> ids, Map<String, UUID> unitIds, List<Event> events) {

        public UUID id(String documentId) {
            UUID id = ids.get(documentId);
            if (id == null) {
                throw new IllegalArgumentException("No element " + documentId + " in the document");
            }
            return id;
        }
    }

    /** The events of the document's plan as a new plan adopted on {@code decisionDate}. */
    public static Plan adopted(String organisationId, PlanDocument document, Instant occurredAt, LocalDate decisionDate) {
        return new Builder(organisationId, document, occurredAt).build(decisionDate);
    }

    private static final class Builder {

        private final String organisationId;
        private final PlanDocument document;
        private final Instant occurredAt;
        private final UUID planId = UUID.randomUUID();
        private final Map<String, UUID> ids = new LinkedHashMap<>();
        private final Map<String, UUID> unitIds = new LinkedHashMap<>();
        private final Map<String, PlanDocument.Unit> units = new LinkedHashMap<>();
        private final List<Event> events = new ArrayList<>();
        private long version;

        Builder(String organisationId, PlanDocument document, Instant occurredAt) {
            this.organisationId = organisationId;
            this.document = document;
            this.occurredAt = occurredAt;
            for (PlanDocument.Unit unit : document.units()) {
                String key = unit.abbreviation() == null || unit.abbreviation().isBlank() ? unit.name() : unit.abbreviation();
                units.put(key, unit);
                unitIds.put(key, UUID.randomUUID());
            }
        }

        Plan build(LocalDate decisionDate) {
            Map<String, Object> created = map("seriesId", planId, "revision", 1, "status", "DRAFT", "title", document.title(),
                    "period", map("startYear", document.period().startYear(), "endYear", document.period().endYear()));
            put(created, "legalBasis", document.legalBasis());
            put(created, "introduction", document.introduction());
            created.put("partnerOrganisations", document.partnerOrganisations().stream().map(partner -> {
                Map<String, Object> p = map("name", partner.name());
                put(p, "organisationId", partner.organisationId());
                put(p, "agreement", partner.agreement());
                return p;
            }).toList());
            if (document.coordinator() != null) {
                Map<String, Object> c = map("name", document.coordinator().name());
                put(c, "email", document.coordinator().email());
                put(c, "phone", document.coordinator().phone());
                created.put("coordinator", c);
            }
            created.put("columns", document.columns().stream()
                    .map(column -> map("field", column.field().name(), "heading", column.heading())).toList());
            add("plan-created", created);
            for (PlanDocument.FocusArea area : document.focusAreas()) {
                UUID areaId = id(area.id());
                Map<String, Object> areaPayload = map("focusAreaId", areaId, "name", area.name());
                put(areaPayload, "rationale", area.rationale());
                areaPayload.put("indicators", area.indicators().stream().map(indicator -> {
                    Map<String, Object> i = map("text", indicator.text());
                    put(i, "dataSource", indicator.dataSource());
                    put(i, "higherIsBetter", indicator.higherIsBetter());
                    return i;
                }).toList());
                add("focus-area-added", areaPayload);
                for (PlanDocument.Problem problem : area.problems()) {
                    problem(areaId, problem);
                }
            }
            add("plan-adopted", map("seriesId", planId, "revision", 1, "decision", map("decidingBody", "Kommunstyrelsen",
                    "decisionDate", decisionDate.toString(), "reference", "KS " + decisionDate.getYear() + "/1")));
            return new Plan(planId, Map.copyOf(ids), Map.copyOf(unitIds), List.copyOf(events));
        }

        private void problem(UUID areaId, PlanDocument.Problem problem) {
            UUID problemId = id(problem.id());
            Map<String, Object> payload = map("focusAreaId", areaId, "problemId", problemId, "title", problem.title());
            put(payload, "placeName", problem.placeName());
            put(payload, "description", problem.description());
            add("problem-added", payload);
            for (PlanDocument.Cause cause : problem.causes()) {
                add("cause-added", map("problemId", problemId, "causeId", id(cause.id()), "text", cause.text()));
            }
            for (PlanDocument.Goal goal : problem.goals()) {
                Map<String, Object> g = map("problemId", problemId, "goalId", id(goal.id()), "text", goal.text());
                put(g, "indicator", goal.indicator());
                put(g, "baseline", goal.baseline());
                put(g, "targetValue", goal.targetValue());
                put(g, "targetDate", goal.targetDate());
                add("goal-added", g);
            }
            for (PlanDocument.Measure measure : problem.measures()) {
                add("measure-added", measure(areaId, problemId, measure));
            }
        }

        private Map<String, Object> measure(UUID areaId, UUID problemId, PlanDocument.Measure measure) {
            Map<String, Object> payload = map("measureId", id(measure.id()), "focusAreaId", areaId, "problemId", problemId,
                    "planTitle", document.title(), "title", measure.title());
            put(payload, "description", measure.description());
            put(payload, "purpose", measure.purpose());
            put(payload, "expectedResult", measure.expectedResult());
            put(payload, "kind", measure.kind() == null ? null : measure.kind().name());
            PlanDocument.Schedule schedule = measure.schedule();
            if (schedule != null) {
                Map<String, Object> s = map("type", schedule.type().name());
                put(s, "text", schedule.text());
                put(s, "dueDate", schedule.dueDate());
                put(s, "startDate", schedule.startDate());
                put(s, "endDate", schedule.endDate());
                if (schedule.recurrence() != null) {
                    s.put("recurrence", map("times", schedule.recurrence().times(), "per", schedule.recurrence().per().name(),
                            "exceptMonths", schedule.recurrence().exceptMonths().stream().map(Enum::name).toList()));
                }
                payload.put("schedule", s);
                put(payload, "dueDate", switch (schedule.type()) {
                    case DUE_DATE -> schedule.dueDate();
                    case PERIOD, RECURRENCE -> schedule.endDate();
                    case CONTINUOUS -> null;
                });
            }
            List<Map<String, Object>> resolved = new ArrayList<>();
            List<Map<String, Object>> responsible = new ArrayList<>();
            for (PlanDocument.Responsible named : measure.responsible()) {
                UUID unitId = unitIds.computeIfAbsent(named.unit(), ignored -> UUID.randomUUID());
                PlanDocument.Unit unit = units.getOrDefault(named.unit(), new PlanDocument.Unit(named.unit(), null,
                        List.of(), null));
                Map<String, Object> r = map("unitId", unitId);
                put(r, "role", named.role());
                responsible.add(r);
                Map<String, Object> u = map("unitId", unitId, "name", unit.name());
                put(u, "abbreviation", unit.abbreviation());
                u.put("contactEmails", unit.contactEmails());
                put(u, "managerEmail", unit.managerEmail());
                put(u, "role", named.role());
                resolved.add(u);
            }
            payload.put("responsibleUnits", resolved);
            payload.put("responsible", responsible);
            put(payload, "responsibilityNote", measure.responsibilityNote());
            payload.put("partners", measure.partners());
            payload.put("causeIds", measure.causeIds().stream().map(this::id).toList());
            payload.put("goalIds", measure.goalIds().stream().map(this::id).toList());
            payload.put("followUpCriteria", measure.followUpCriteria());
            payload.put("extraColumns", measure.extraColumns().stream()
                    .map(extra -> map("name", extra.name(), "value", extra.value())).toList());
            return payload;
        }

        private UUID id(String documentId) {
            return ids.computeIfAbsent(documentId, ignored -> UUID.randomUUID());
        }

        private void add(String kind, Map<String, Object> content) {
            version++;
            UUID eventId = UUID.randomUUID();
            Map<String, Object> payload = map("eventId", eventId, "aggregateId", planId, "aggregateVersion", version,
                    "organisationId", organisationId, "occurredAt", occurredAt.plusMillis(version).toString());
            payload.putAll(content);
            events.add(new Event(eventId, TYPE.formatted(kind), planId.toString(), JSON.writeValueAsString(payload)));
        }
    }

    private static void put(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value instanceof LocalDate date ? date.toString() : value);
        }
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            map.put((String) keysAndValues[i], value instanceof UUID || value instanceof LocalDate ? value.toString() : value);
        }
        return map;
    }
}
