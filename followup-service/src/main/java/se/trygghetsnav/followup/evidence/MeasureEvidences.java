package se.trygghetsnav.followup.evidence;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.events.EventDispatcher;
import se.trygghetsnav.commons.events.InboundEvent;
import se.trygghetsnav.commons.tenancy.TenantOwnedCollection;
import se.trygghetsnav.followup.planprojection.TrackedMeasure;
import se.trygghetsnav.followup.planprojection.TrackedMeasures;

/**
 * Records the EST decisions that name a plan measure, and their follow-ups, as evidence on that measure.
 *
 * <p>The measure must be one followup-service tracks (its plan was adopted) and of the organisation the EST
 * event belongs to; anything else is ignored with a log line, never stored under another organisation.
 * Decisions that name no measure are ignored. Each write is guarded by a stamp (see {@link MeasureEvidence}),
 * so a duplicate or replayed event changes nothing and an older follow-up never replaces a newer one.
 * Logs name ids only, never the follow-up's note.
 */
@Component
public class MeasureEvidences {

    private static final Logger log = LoggerFactory.getLogger(MeasureEvidences.class);
    static final String CONSUMER = "followup-service/est-evidence";

    private final MongoOperations mongo;
    private final TrackedMeasures trackedMeasures;

    public MeasureEvidences(MongoOperations mongo, TrackedMeasures trackedMeasures) {
        this.mongo = mongo;
        this.trackedMeasures = trackedMeasures;
    }

    /** Also written through updates naming the collection's type; each document belongs to its organisation. */
    @Bean
    static TenantOwnedCollection measureEvidenceOwnership() {
        return new TenantOwnedCollection(MeasureEvidence.COLLECTION, "organisationId");
    }

    /** Routes decision-made and decision-followed-up; every other est event is ignored. */
    public EventDispatcher dispatcher(JsonMapper jsonMapper, Validator validator) {
        return EventDispatcher.builder(CONSUMER, jsonMapper, validator)
                .on("se.trygghetsnav.est.decision-made.v1", EstEvents.DecisionMade.class, this::onDecisionMade)
                .on("se.trygghetsnav.est.decision-followed-up.v1", EstEvents.DecisionFollowedUp.class,
                        this::onDecisionFollowedUp)
                .build();
    }

    void onDecisionMade(InboundEvent event, EstEvents.DecisionMade made) {
        if (measureOf(event, made.measureId(), made.organisationId()).isEmpty()) {
            return;
        }
        MeasureEvidence.Decision decision = new MeasureEvidence.Decision(made.occurredAt(), made.placeId(), made.area(),
                made.startDate(), made.endDate(), made.timeBand(), made.responsibleName(), made.responsibleOrganisationId());
        Update update = identity(made.organisationId(), made.measureId(), made.planId(), made.groupId())
                .set("decidedInWeek", made.isoWeek())
                .set("kind", made.kind())
                .set("decision", mongo.getConverter().convertToMongoType(decision))
                .set("decisionVersion", made.aggregateVersion())
                .setOnInsert("followUpStamp", 0L);
        boolean applied = write(made.decisionId(), "decisionVersion", made.aggregateVersion(), update);
        log.info("EST decision {} (event {}) {} as evidence on measure {}", made.decisionId(), event.id(),
                applied ? "recorded" : "already recorded", made.measureId());
    }

    void onDecisionFollowedUp(InboundEvent event, EstEvents.DecisionFollowedUp followedUp) {
        if (measureOf(event, followedUp.measureId(), followedUp.organisationId()).isEmpty()) {
            return;
        }
        long stamp = MeasureEvidence.followUpStamp(followedUp.isoWeek(), followedUp.aggregateVersion());
        MeasureEvidence.FollowUp followUp = new MeasureEvidence.FollowUp(followedUp.outcome(), followedUp.isoWeek(),
                followedUp.occurredAt(), followedUp.note());
        Update update = identity(followedUp.organisationId(), followedUp.measureId(), followedUp.planId(),
                followedUp.groupId())
                // The decision's own event fills these in too; until it arrives the follow-up says enough to show.
                .setOnInsert("decidedInWeek", followedUp.decidedInWeek())
                .setOnInsert("kind", followedUp.kind())
                .setOnInsert("decisionVersion", 0L)
                .set("followUp", mongo.getConverter().convertToMongoType(followUp))
                .set("followUpStamp", stamp);
        boolean applied = write(followedUp.decisionId(), "followUpStamp", stamp, update);
        log.info("Follow-up {} of EST decision {} (event {}) {} on measure {}", followedUp.outcome(),
                followedUp.decisionId(), event.id(), applied ? "recorded" : "already recorded or older",
                followedUp.measureId());
    }

    /** The evidence of one measure, newest decision first. */
    public List<MeasureEvidence> forMeasure(UUID measureId) {
        return forMeasures(List.of(measureId)).getOrDefault(measureId, List.of());
    }

    /** The evidence of these measures by measure, newest decision first (in the caller's organisation). */
    public Map<UUID, List<MeasureEvidence>> forMeasures(Collection<UUID> measureIds) {
        if (measureIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("measureId").in(measureIds)), MeasureEvidence.class).stream()
                .sorted(Comparator.comparing(MeasureEvidence::decidedInWeek).reversed()
                        .thenComparing(MeasureEvidence::id))
                .collect(Collectors.groupingBy(MeasureEvidence::measureId, Collectors.toList()));
    }

    /** The tracked measure the event names, if it names one of its own organisation's tracked measures. */
    private Optional<TrackedMeasure> measureOf(InboundEvent event, @Nullable UUID measureId,
            String organisationId) {
        if (measureId == null) {
            log.debug("EST event {} ({}) names no plan measure; nothing to record", event.id(), event.type());
            return Optional.empty();
        }
        Optional<TrackedMeasure> tracked = trackedMeasures.find(measureId);
        if (tracked.isEmpty()) {
            log.warn("EST event {} ({}) names measure {}, which is not a measure of an adopted plan here; ignored",
                    event.id(), event.type(), measureId);
            return Optional.empty();
        }
        if (!tracked.get().organisationId().equals(organisationId)) {
            log.warn("EST event {} ({}) of organisation {} names measure {} of another organisation; ignored",
                    event.id(), event.type(), organisationId, measureId);
            return Optional.empty();
        }
        return tracked;
    }

    private static Update identity(String organisationId, UUID measureId, @Nullable UUID planId,
            UUID groupId) {
        return new Update().set("organisationId", organisationId)
                .set("measureId", measureId)
                .set("planId", planId)
                .set("groupId", groupId);
    }

    /**
     * Upserts the decision's document where the guarding stamp is older than {@code stamp}; a document with an
     * equal or newer stamp makes the upsert collide on the id, which means the event was applied before.
     */
    private boolean write(UUID decisionId, String stampField, long stamp, Update update) {
        Query query = Query.query(Criteria.where("_id").is(decisionId).and(stampField).lt(stamp));
        try {
            mongo.upsert(query, update, MeasureEvidence.class);
            return true;
        }
        catch (DuplicateKeyException alreadyApplied) {
            return false;
        }
    }
}
