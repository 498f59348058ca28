package se.trygghetsnav.est.measurelink;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.events.InboundEvent;

/**
 * The measures EST decisions can be linked to, one document per measure, created once: the measure id is the
 * document id, so a duplicate or replayed event finds it there and changes nothing.
 */
@Component
public class LinkableMeasures {

    private static final Logger log = LoggerFactory.getLogger(LinkableMeasures.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    public LinkableMeasures(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** A measure of the caller's organisation's plans that EST decisions can serve. */
    public java.util.Optional<LinkableMeasure> find(UUID measureId) {
        return java.util.Optional.ofNullable(mongo.findById(measureId, LinkableMeasure.class));
    }

    /** Routes the plan events this projection uses; the others are ignored. */
    public EventDispatcher dispatcher(JsonMapper jsonMapper, Validator validator) {
        return EventDispatcher.builder("est-lagesbild-service/linkable-measures", jsonMapper, validator)
                .on("se.trygghetsnav.plan.measure-added.v1", MeasureAdded.class, this::onMeasureAdded)
                .build();
    }

    void onMeasureAdded(InboundEvent event, MeasureAdded measure) {
        try {
            mongo.insert(new LinkableMeasure(measure.measureId(), measure.aggregateId(), measure.organisationId(),
                    measure.planTitle(), measure.title(), event.id(), clock.instant()));
            log.info("Measure {} of plan {} can now be linked from EST decisions", measure.measureId(), measure.aggregateId());
        }
        catch (DuplicateKeyException alreadyKnown) {
            log.info("Measure {} already known, event {} skipped", measure.measureId(), event.id());
        }
    }

    /** What est-lagesbild-service reads of {@code se.trygghetsnav.plan.measure-added.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureAdded(@NotNull UUID aggregateId, @NotBlank String organisationId, @NotNull UUID measureId,
            @NotBlank String planTitle, @NotBlank String title) {
    }
}
