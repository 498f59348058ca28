package se.trygghetsnav.followup.planprojection;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The organisations' units as followup-service knows them from plan.events (see {@link ProjectedUnit}). */
@Component
public class UnitDirectory {

    private final MongoOperations mongo;

    public UnitDirectory(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** The units by id that the caller's scope may see; unknown ids are left out. */
    public Map<UUID, ProjectedUnit> units(Collection<UUID> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(Query.query(Criteria.where("_id").in(unitIds)), ProjectedUnit.class).stream()
                .collect(Collectors.toMap(ProjectedUnit::id, Function.identity()));
    }
}
