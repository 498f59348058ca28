package se.trygghetsnav.plan.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.Cause;
import se.trygghetsnav.plan.actionplan.CauseContent;
import se.trygghetsnav.plan.actionplan.FocusArea;
import se.trygghetsnav.plan.actionplan.FocusAreaContent;
import se.trygghetsnav.plan.actionplan.GoalContent;
import se.trygghetsnav.plan.actionplan.Measure;
import se.trygghetsnav.plan.actionplan.MeasureContent;
import se.trygghetsnav.plan.actionplan.OperationalGoal;
import se.trygghetsnav.plan.actionplan.PlanHeader;
import se.trygghetsnav.plan.actionplan.PlanPeriod;
import se.trygghetsnav.plan.actionplan.Problem;
import se.trygghetsnav.plan.actionplan.ProblemContent;
import se.trygghetsnav.plan.actionplan.Responsibility;
import se.trygghetsnav.plan.actionplan.TableColumn;
import se.trygghetsnav.plan.actionplan.Units;
import se.trygghetsnav.plan.orgunit.OrgUnit;
import se.trygghetsnav.plandocument.ColumnField;
import se.trygghetsnav.plandocument.PlanDocument;

/**
 * Translates between a stored plan and its portable {@link PlanDocument}: element ids become local
 * strings and back, responsible units are named by abbreviation (or name) and resolved against the
 * importing organisation's directory. Import validates every element as the API would and names the
 * document path of each error.
 */
final class PlanDocuments {

    /** The columns of a plan that never said which it has: the first table shape of the law's templates. */
    static final List<TableColumn> DEFAULT_COLUMNS = List.of(new TableColumn(ColumnField.PROBLEM, "Problemområde"),
            new TableColumn(ColumnField.CAUSE, "Orsak"), new TableColumn(ColumnField.GOAL, "Operativt mål"),
            new TableColumn(ColumnField.MEASURE, "Åtgärd"), new TableColumn(ColumnField.SCHEDULE, "När"),
            new TableColumn(ColumnField.RESPONSIBLE, "Ansvarig"));

    private PlanDocuments() {
    }

    static PlanDocument toDocument(ActionPlan plan, Map<UUID, OrgUnit> units) {
        PlanHeader header = plan.getHeader();
        List<UUID> referenced = plan.measures().flatMap(m -> m.content().responsibleUnitIds().stream()).distinct().toList();
        Function<UUID, String> unitKey = id -> keyOf(units.get(id));
        return new PlanDocument(PlanDocument.FORMAT, header.title(),
                new PlanDocument.Period(header.period().startYear(), header.period().endYear()), header.legalBasis(),
                header.introduction(), header.partnerOrganisations().stream()
                        .map(p -> new PlanDocument.Partner(p.name(), p.organisationId(), p.agreement())).toList(),
                header.coordinator() == null ? null
                        : new PlanDocument.Contact(header.coordinator().name(), header.coordinator().email(),
                                header.coordinator().phone()),
                (header.columns().isEmpty() ? DEFAULT_COLUMNS : header.columns()).stream()
                        .map(c -> new PlanDocument.Column(c.field(), c.heading())).toList(),
                referenced.stream().map(units::get).map(unit -> new PlanDocument.Unit(unit.getName(),
                        unit.getAbbreviation(), unit.getContactEmails(), unit.getManagerEmail())).toList(),
                plan.getFocusAreas().stream().map(area -> toDocument(area, unitKey)).toList());
    }

    private static PlanDocument.FocusArea toDocument(FocusArea area, Function<UUID, String> unitKey) {
        return new PlanDocument.FocusArea(area.id().toString(), area.content().name(), area.content().rationale(),
                area.content().indicators().stream()
                        .map(i -> new PlanDocument.Indicator(i.text(), i.dataSource(), i.higherIsBetter())).toList(),
                area.problems().stream().map(problem -> toDocument(problem, unitKey)).toList());
    }

    private static PlanDocument.Problem toDocument(Problem problem, Function<UUID, String> unitKey) {
        ProblemContent content = problem.content();
        return new PlanDocument.Problem(problem.id().toString(), content.title(), content.placeName(),
                content.description(),
                problem.causes().stream().map(c -> new PlanDocument.Cause(c.id().toString(), c.content().text())).toList(),
                problem.goals().stream().map(g -> new PlanDocument.Goal(g.id().toString(), g.content().text(),
                        g.content().indicator(), g.content().baseline(), g.content().targetValue(),
                        g.content().targetDate())).toList(),
                problem.measures().stream().map(measure -> toDocument(measure, unitKey)).toList());
    }

    private static PlanDocument.Measure toDocument(Measure measure, Function<UUID, String> unitKey) {
        MeasureContent c = measure.content();
        return new PlanDocument.Measure(measure.id().toString(), c.title(), c.description(), c.purpose(),
                c.expectedResult(), c.kind(), TransferMappings.toDocument(c.schedule()),
                c.responsible().stream().map(r -> new PlanDocument.Responsible(unitKey.apply(r.unitId()), r.role())).toList(),
                c.responsibilityNote(), c.partners(), c.causeIds().stream().map(UUID::toString).toList(),
                c.goalIds().stream().map(UUID::toString).toList(), c.followUpCriteria(),
                c.extraColumns().stream().map(e -> new PlanDocument.ExtraColumn(e.name(), e.value())).toList());
    }

    /** How a document names a unit: its abbreviation, or its name when it has none. */
    static String keyOf(OrgUnit unit) {
        return unit.getAbbreviation() == null || unit.getAbbreviation().isBlank() ? unit.getName() : unit.getAbbreviation();
    }

    static String normalisedKey(String key) {
        return key.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Builds a new draft plan from a document, raising the same events as building it through the API.
     *
     * @param unitsByKey the organisation's units by normalised abbreviation and name
     * @throws ApiProblem 422 naming each invalid element by its document path
     */
    static ActionPlan toPlan(String organisationId, PlanDocument document, Map<String, OrgUnit> unitsByKey,
            Validator validator, EventContext context) {
        List<Map<String, String>> errors = new ArrayList<>();
        if (!PlanDocument.FORMAT.equals(document.format())) {
            errors.add(error("format", "must be " + PlanDocument.FORMAT));
        }
        PlanHeader header = new PlanHeader(document.title(),
                document.period() == null ? null : new PlanPeriod(document.period().startYear(), document.period().endYear()),
                document.legalBasis() == null ? PlanHeader.DEFAULT_LEGAL_BASIS : document.legalBasis(),
                document.introduction(),
                document.partnerOrganisations().stream().map(TransferMappings::toPartner).toList(),
                TransferMappings.toContact(document.coordinator()),
                document.columns().stream().map(c -> new TableColumn(c.field(), c.heading())).toList());
        validate(validator, header, "", errors);
        throwIfAny(errors);
        ActionPlan plan = ActionPlan.start(organisationId, header, context);
        Units units = Units.of(unitsByKey.values());
        for (int a = 0; a < document.focusAreas().size(); a++) {
            PlanDocument.FocusArea docArea = document.focusAreas().get(a);
            String areaPath = "focusAreas[" + a + "]";
            FocusAreaContent areaContent = new FocusAreaContent(docArea.name(), docArea.rationale(),
                    docArea.indicators().stream().map(TransferMappings::toIndicator).toList());
            if (!validate(validator, areaContent, areaPath + ".", errors)) {
                continue;
            }
            FocusArea area = plan.addFocusArea(areaContent, context);
            for (int p = 0; p < docArea.problems().size(); p++) {
                addProblem(plan, area, docArea.problems().get(p), areaPath + ".problems[" + p + "]", unitsByKey, units,
                        validator, errors, context);
            }
        }
        throwIfAny(errors);
        return plan;
    }

    private static void addProblem(ActionPlan plan, FocusArea area, PlanDocument.Problem docProblem, String path,
            Map<String, OrgUnit> unitsByKey, Units units, Validator validator, List<Map<String, String>> errors,
            EventContext context) {
        ProblemContent problemContent = new ProblemContent(docProblem.title(), docProblem.placeName(),
                docProblem.description());
        if (!validate(validator, problemContent, path + ".", errors)) {
            return;
        }
        Problem problem = plan.addProblem(area.id(), problemContent, context);
        Map<String, UUID> ids = new HashMap<>();
        for (int c = 0; c < docProblem.causes().size(); c++) {
            PlanDocument.Cause docCause = docProblem.causes().get(c);
            CauseContent content = new CauseContent(docCause.text());
            if (validate(validator, content, path + ".causes[" + c + "].", errors)) {
                Cause cause = plan.addCause(problem.id(), content, context);
                ids.put(docCause.id(), cause.id());
            }
        }
        for (int g = 0; g < docProblem.goals().size(); g++) {
            PlanDocument.Goal docGoal = docProblem.goals().get(g);
            GoalContent content = new GoalContent(docGoal.text(), docGoal.indicator(), docGoal.baseline(),
                    docGoal.targetValue(), docGoal.targetDate());
            if (validate(validator, content, path + ".goals[" + g + "].", errors)) {
                OperationalGoal goal = plan.addGoal(problem.id(), content, context);
                ids.put(docGoal.id(), goal.id());
            }
        }
        for (int m = 0; m < docProblem.measures().size(); m++) {
            PlanDocument.Measure doc = docProblem.measures().get(m);
            String measurePath = path + ".measures[" + m + "]";
            List<Responsibility> responsible = new ArrayList<>();
            for (int r = 0; r < doc.responsible().size(); r++) {
                PlanDocument.Responsible named = doc.responsible().get(r);
                OrgUnit unit = named.unit() == null ? null : unitsByKey.get(normalisedKey(named.unit()));
                if (unit == null) {
                    errors.add(error(measurePath + ".responsible[" + r + "].unit", "unknown unit " + named.unit()));
                }
                else {
                    responsible.add(new Responsibility(unit.getId(), named.role()));
                }
            }
            List<UUID> causeIds = linked(doc.causeIds(), ids, measurePath + ".causeIds", errors);
            List<UUID> goalIds = linked(doc.goalIds(), ids, measurePath + ".goalIds", errors);
            MeasureContent content = new MeasureContent(doc.title(), doc.description(), doc.purpose(),
                    doc.expectedResult(), doc.kind(), TransferMappings.toSchedule(doc.schedule()), responsible,
                    doc.responsibilityNote(), doc.partners(), causeIds, goalIds, doc.followUpCriteria(),
                    doc.extraColumns().stream().map(TransferMappings::toExtraColumn).toList());
            if (validate(validator, content, measurePath + ".", errors)) {
                plan.addMeasure(problem.id(), content, units, context);
            }
        }
    }

    private static List<UUID> linked(List<String> localIds, Map<String, UUID> ids, String path,
            List<Map<String, String>> errors) {
        List<UUID> resolved = new ArrayList<>();
        for (String localId : localIds) {
            UUID id = ids.get(localId);
            if (id == null) {
                errors.add(error(path, "no cause or goal " + localId + " in this problem"));
            }
            else {
                resolved.add(id);
            }
        }
        return resolved;
    }

    private static <T> boolean validate(Validator validator, T value, String pathPrefix, List<Map<String, String>> errors) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        violations.forEach(violation -> errors.add(error(pathPrefix + violation.getPropertyPath(), violation.getMessage())));
        return violations.isEmpty();
    }

    private static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static void throwIfAny(List<Map<String, String>> errors) {
        if (!errors.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-plan-document",
                    "problem.invalid-plan-document.detail", Map.of("errors", List.copyOf(errors)), errors.size());
        }
    }
}
