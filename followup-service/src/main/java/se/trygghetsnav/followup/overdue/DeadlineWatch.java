package se.trygghetsnav.followup.overdue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.followup.overdue.events.MeasureOverdue;
import se.trygghetsnav.followup.overdue.events.MeasureOverdueCleared;
import se.trygghetsnav.followup.planprojection.TrackedMeasure;

/**
 * Whether a measure is overdue: one document per measure ({@code _id} the measure id), created the first time it
 * becomes overdue. Every transition raises its event in the same guarded write, so however many sweeps and
 * instances judge the measure at once, each transition is stored, and announced, once.
 */
@Document(DeadlineWatch.COLLECTION)
// Exactly the keys of a versioned save and a tenant read: the only indexes the embedded server uses (architecture.md).
@CompoundIndex(name = "version_guard", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'organisationId': 1}", unique = true)
public class DeadlineWatch extends AggregateRoot {

    public static final String COLLECTION = "deadline_watches";

    private UUID planId;

    private boolean overdue;

    private @Nullable LocalDate deadline;

    private @Nullable LocalDate overdueSince;

    private @Nullable LocalDate clearedOn;

    private @Nullable ClearReason clearReason;

    /** For the object mapper. */
    protected DeadlineWatch() {
    }

    private DeadlineWatch(UUID measureId, String organisationId) {
        super(measureId, organisationId);
    }

    static DeadlineWatch first(TrackedMeasure measure) {
        return new DeadlineWatch(measure.id(), measure.organisationId());
    }

    /** The measure's deadline has passed (before {@code today}) without a completing report. */
    void becameOverdue(TrackedMeasure measure, LocalDate today, EventContext context) {
        LocalDate passed = measure.deadline();
        planId = measure.planId();
        overdue = true;
        deadline = passed;
        overdueSince = passed.plusDays(1);
        clearedOn = null;
        clearReason = null;
        List<UUID> units = measure.measure().responsibleUnitIds();
        raise(version -> new MeasureOverdue(context.newId(), getId(), version, getOrganisationId(), context.now(), getId(),
                measure.planId(), measure.measure().title(), passed, overdueSince, today, units));
    }

    void cleared(TrackedMeasure measure, ClearReason reason, @Nullable UUID roundId, LocalDate today, EventContext context) {
        overdue = false;
        clearedOn = today;
        clearReason = reason;
        LocalDate since = overdueSince;
        List<UUID> units = measure.measure().responsibleUnitIds();
        raise(version -> new MeasureOverdueCleared(context.newId(), getId(), version, getOrganisationId(), context.now(),
                getId(), measure.planId(), reason.name(), roundId, since, today, units));
    }

    public boolean isOverdue() {
        return overdue;
    }

    public UUID getPlanId() {
        return planId;
    }

    public @Nullable LocalDate getDeadline() {
        return deadline;
    }

    public @Nullable LocalDate getOverdueSince() {
        return overdueSince;
    }

    public @Nullable LocalDate getClearedOn() {
        return clearedOn;
    }

    public @Nullable ClearReason getClearReason() {
        return clearReason;
    }
}
