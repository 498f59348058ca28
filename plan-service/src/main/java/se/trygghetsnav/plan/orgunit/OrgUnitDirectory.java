package se.trygghetsnav.plan.orgunit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.plan.orgunit.persistence.OrgUnitRepository;

/** The organisations' unit directories. */
@Service
public class OrgUnitDirectory {

    private static final Logger log = LoggerFactory.getLogger(OrgUnitDirectory.class);

    private final AggregateStore<OrgUnit> store;
    private final OrgUnitRepository units;
    private final EventContext context;
    private final ApplicationEventPublisher localEvents;

    public OrgUnitDirectory(AggregateStore<OrgUnit> store, OrgUnitRepository units, EventContext context,
            ApplicationEventPublisher localEvents) {
        this.store = store;
        this.units = units;
        this.context = context;
        this.localEvents = localEvents;
    }

    public OrgUnit register(String organisationId, String name, String abbreviation, List<String> contactEmails,
            String managerEmail) {
        OrgUnit unit = store.save(OrgUnit.register(organisationId, name, abbreviation, contactEmails, managerEmail, context));
        log.info("Org unit {} registered for organisation {}", unit.getId(), organisationId);
        return unit;
    }

    /** Renames a unit or changes its contacts; refused with 412 when {@code ifMatch} is stale. */
    public OrgUnit change(UUID id, @Nullable String ifMatch, String name, @Nullable String abbreviation,
            List<String> contactEmails, @Nullable String managerEmail) {
        OrgUnit unit = get(id);
        ETags.checkIfPresent(ifMatch, unit.getVersion());
        unit.change(name, abbreviation, contactEmails, managerEmail, context);
        store.save(unit);
        // Within this instance, for what shows the unit (plans rendered with its name); other services learn
        // of the change from the org-unit-changed event on plan.events.
        localEvents.publishEvent(new UnitChangedLocally(id));
        log.info("Org unit {} changed", id);
        return unit;
    }

    /** The caller's organisation's whole directory, by name. */
    public List<OrgUnit> all() {
        return units.findAllByOrderByName();
    }

    /** A unit of the caller's organisation; another organisation's unit is not found. */
    public OrgUnit get(UUID id) {
        return units.findById(id).orElseThrow(() -> new ResourceNotFoundException("org-unit", id));
    }

    public Page<OrgUnit> list(Pageable pageable) {
        return units.findAllBy(pageable);
    }

    /**
     * The caller's organisation's units with these ids, in the order asked.
     *
     * @throws ApiProblem (422) naming the ids that are not units of this organisation
     */
    public List<OrgUnit> resolve(Collection<UUID> ids) {
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        Map<UUID, OrgUnit> found = units.findByIdIn(wanted).stream()
                .collect(Collectors.toMap(OrgUnit::getId, Function.identity()));
        List<UUID> unknown = wanted.stream().filter(id -> !found.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-responsible-unit",
                    unknown.stream().map(UUID::toString).collect(Collectors.joining(", ")));
        }
        return wanted.stream().map(found::get).toList();
    }
}
