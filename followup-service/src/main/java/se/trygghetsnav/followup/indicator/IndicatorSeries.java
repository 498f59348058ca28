package se.trygghetsnav.followup.indicator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.mapping.Document;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.followup.indicator.events.IndicatorRecorded;

/**
 * The values of one indicator over time (an operational goal's, or a focus-area indicator's), for evaluating the
 * plan against its goals: "share of pupils who feel safe", "cost of vandalism". One document per indicator, its
 * id derived from what it measures ({@link IndicatorTarget#seriesId()}).
 */
@Document("indicator_series")
public class IndicatorSeries extends AggregateRoot {

    private UUID planSeriesId;

    private IndicatorTarget target;

    private List<IndicatorValue> values = new ArrayList<>();

    /** For the object mapper. */
    protected IndicatorSeries() {
    }

    private IndicatorSeries(IndicatorTarget target, String organisationId, UUID planSeriesId) {
        super(target.seriesId(), organisationId);
        this.target = target;
        this.planSeriesId = planSeriesId;
    }

    static IndicatorSeries start(IndicatorTarget target, String organisationId, UUID planSeriesId) {
        return new IndicatorSeries(target, organisationId, planSeriesId);
    }

    /** Records a value, announced as recorded against the plan revision it was recorded for. */
    void record(IndicatorValue value, UUID planId, EventContext context) {
        values.add(value);
        raise(version -> new IndicatorRecorded(context.newId(), getId(), version, getOrganisationId(), value.recordedAt(),
                planId, planSeriesId, target.kind().name(), target.focusAreaId(), target.goalId(), target.text(),
                value.valueId(), value.value(), value.unit(), value.date(), value.periodStart(), value.periodEnd(),
                value.source()));
    }

    public UUID getPlanSeriesId() {
        return planSeriesId;
    }

    public IndicatorTarget getTarget() {
        return target;
    }

    /** The values, oldest first (by the day they speak for, then by when they were recorded). */
    public List<IndicatorValue> getValues() {
        return values.stream().sorted(Comparator.comparing(IndicatorValue::asOf)
                .thenComparing(IndicatorValue::recordedAt)).toList();
    }
}
