package se.trygghetsnav.followup.round;

import java.util.List;
import java.util.UUID;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The rounds of each plan series, one document per series ({@code _id} the series id) listing its round ids:
 * how a plan's or a measure's rounds are found by {@code _id} alone (the embedded MongoDB server never builds
 * the non-unique index a query by plan id would need). An id is added before its round is stored, so the list
 * may name a round that was never stored (a failed open); readers skip those.
 */
@Component
public class RoundIndex {

    public static final String COLLECTION = "round_index";

    private final MongoOperations mongo;

    public RoundIndex(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void add(UUID seriesId, String organisationId, UUID roundId) {
        mongo.upsert(Query.query(Criteria.where("_id").is(seriesId)),
                new Update().set("organisationId", organisationId).addToSet("roundIds", roundId), COLLECTION);
    }

    public List<UUID> roundIds(UUID seriesId) {
        Document index = mongo.findById(seriesId, Document.class, COLLECTION);
        return index == null ? List.of() : index.getList("roundIds", UUID.class, List.of());
    }
}
