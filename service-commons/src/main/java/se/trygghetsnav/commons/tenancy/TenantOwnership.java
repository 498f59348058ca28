package se.trygghetsnav.commons.tenancy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * Which collections belong to organisations, and by which field: every {@link TenantOwned} document type
 * known to the mapping context, plus collections registered by name (projections written as raw documents).
 */
public class TenantOwnership {

    private final MongoMappingContext mappingContext;
    private final Map<String, String> registered = new HashMap<>();
    private volatile Map<String, String> fieldByCollection;
    private volatile int entitiesSeen = -1;

    public TenantOwnership(MongoMappingContext mappingContext) {
        this.mappingContext = mappingContext;
    }

    /** Registers a collection without a mapped type as owned through {@code field}. */
    public TenantOwnership register(String collection, String field) {
        registered.put(collection, field);
        fieldByCollection = null;
        return this;
    }

    /** The owner field of a collection, if it belongs to organisations. */
    public Optional<String> ownerField(String collection) {
        return Optional.ofNullable(fields().get(collection));
    }

    private Map<String, String> fields() {
        Map<String, String> fields = fieldByCollection;
        // The mapping context can learn types after start-up; look again whenever it knows more.
        int entities = mappingContext.getPersistentEntities().size();
        if (fields == null || entities != entitiesSeen) {
            entitiesSeen = entities;
            fields = new HashMap<>(registered);
            for (MongoPersistentEntity<?> entity : mappingContext.getPersistentEntities()) {
                TenantOwned owned = entity.getType().getAnnotation(TenantOwned.class);
                if (owned != null) {
                    fields.put(entity.getCollection(), owned.field());
                }
            }
            fieldByCollection = Map.copyOf(fields);
        }
        return fields;
    }
}
