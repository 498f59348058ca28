package se.trygghetsnav.plan.transfer;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.ActionPlans;
import se.trygghetsnav.plan.actionplan.PlanSummary;
import se.trygghetsnav.plan.orgunit.OrgUnit;
import se.trygghetsnav.plan.orgunit.OrgUnitDirectory;
import se.trygghetsnav.plan.orgunit.persistence.OrgUnitRepository;
import se.trygghetsnav.plandocument.PlanDocument;

/** Import and export of whole plans as portable documents. */
@Service
public class PlanTransfer {

    private static final Logger log = LoggerFactory.getLogger(PlanTransfer.class);

    private final ActionPlans plans;
    private final OrgUnitDirectory directory;
    private final OrgUnitRepository unitRepository;
    private final Validator validator;
    private final EventContext context;
    private final Clock clock;

    public PlanTransfer(ActionPlans plans, OrgUnitDirectory directory, OrgUnitRepository unitRepository,
            Validator validator, EventContext context, Clock clock) {
        this.plans = plans;
        this.directory = directory;
        this.unitRepository = unitRepository;
        this.validator = validator;
        this.context = context;
        this.clock = clock;
    }

    /** The plan revision as a document that imports into any organisation as an identical draft. */
    public PlanDocument export(UUID planId) {
        ActionPlan plan = plans.get(planId);
        Map<UUID, OrgUnit> units = unitRepository.findByIdIn(plan.measures()
                .flatMap(measure -> measure.content().responsibleUnitIds().stream()).distinct().toList())
                .stream().collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        return PlanDocuments.toDocument(plan, units);
    }

    /**
     * Imports a document as a new draft plan of the organisation. Units the document names are matched in
     * the directory by abbreviation or name; the others are registered (and reported, since they have no
     * contact addresses unless the document gave some).
     *
     * @param sourceNotes notes from reading the source (e.g. a workbook), carried into the report
     * @param dryRun report what would be imported without storing anything
     */
    public ImportReport importDocument(String organisationId, PlanDocument document, List<ImportReport.Note> sourceNotes,
            boolean dryRun) {
        Map<String, OrgUnit> unitsByKey = new LinkedHashMap<>();
        for (OrgUnit unit : directory.all()) {
            unitsByKey.putIfAbsent(PlanDocuments.normalisedKey(unit.getName()), unit);
            if (unit.getAbbreviation() != null && !unit.getAbbreviation().isBlank()) {
                unitsByKey.put(PlanDocuments.normalisedKey(unit.getAbbreviation()), unit);
            }
        }
        List<ImportReport.Note> notes = new ArrayList<>(sourceNotes);
        Set<String> matched = new LinkedHashSet<>();
        Set<String> registered = new LinkedHashSet<>();
        for (PlanDocument.Unit named : unitsNamedIn(document)) {
            OrgUnit known = find(unitsByKey, named);
            if (known != null) {
                matched.add(PlanDocuments.keyOf(known));
                continue;
            }
            OrgUnit unit = dryRun
                    ? OrgUnit.register(organisationId, named.name(), named.abbreviation(), named.contactEmails(),
                            named.managerEmail(), context)
                    : directory.register(organisationId, named.name(), named.abbreviation(), named.contactEmails(),
                            named.managerEmail());
            registered.add(PlanDocuments.keyOf(unit));
            unitsByKey.put(PlanDocuments.normalisedKey(unit.getName()), unit);
            if (unit.getAbbreviation() != null && !unit.getAbbreviation().isBlank()) {
                unitsByKey.put(PlanDocuments.normalisedKey(unit.getAbbreviation()), unit);
            }
            if (named.contactEmails().isEmpty()) {
                notes.add(ImportReport.Note.doubtful("Enheten " + PlanDocuments.keyOf(unit)
                        + " fanns inte i enhetsregistret och lades till utan e-postadress: lägg till kontaktadresser så att påminnelser når fram."));
            }
        }
        ActionPlan plan = PlanDocuments.toPlan(organisationId, document, unitsByKey, validator, context);
        if (!dryRun) {
            plans.store(plan);
            log.info("Plan {} imported for organisation {}: {} measures", plan.getId(), organisationId,
                    plan.measures().count());
        }
        PlanSummary summary = PlanSummary.of(plan, LocalDate.now(clock));
        return new ImportReport(dryRun ? null : plan.getId(), plan.getHeader().title(), dryRun, summary.focusAreas(),
                summary.total(), List.copyOf(matched), List.copyOf(registered), notes);
    }

    /** The document's unit list plus any unit a measure names that the list lacks. */
    private static List<PlanDocument.Unit> unitsNamedIn(PlanDocument document) {
        Map<String, PlanDocument.Unit> units = new LinkedHashMap<>();
        for (PlanDocument.Unit unit : document.units()) {
            units.putIfAbsent(PlanDocuments.normalisedKey(unit.abbreviation() == null ? unit.name() : unit.abbreviation()), unit);
        }
        document.focusAreas().stream().flatMap(area -> area.problems().stream())
                .flatMap(problem -> problem.measures().stream()).flatMap(measure -> measure.responsible().stream())
                .map(PlanDocument.Responsible::unit)
                .filter(key -> key != null && !key.isBlank())
                .filter(key -> units.values().stream().noneMatch(unit -> matches(unit, key)))
                .forEach(key -> units.putIfAbsent(PlanDocuments.normalisedKey(key),
                        new PlanDocument.Unit(key.strip(), null, List.of(), null)));
        return List.copyOf(units.values());
    }

    private static boolean matches(PlanDocument.Unit unit, String key) {
        String normalised = PlanDocuments.normalisedKey(key);
        return normalised.equals(PlanDocuments.normalisedKey(unit.name()))
                || unit.abbreviation() != null && normalised.equals(PlanDocuments.normalisedKey(unit.abbreviation()));
    }

    private static OrgUnit find(Map<String, OrgUnit> unitsByKey, PlanDocument.Unit named) {
        OrgUnit byAbbreviation = named.abbreviation() == null ? null
                : unitsByKey.get(PlanDocuments.normalisedKey(named.abbreviation()));
        return byAbbreviation != null ? byAbbreviation : unitsByKey.get(PlanDocuments.normalisedKey(named.name()));
    }
}
