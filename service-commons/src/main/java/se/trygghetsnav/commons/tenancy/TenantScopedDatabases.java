package se.trygghetsnav.commons.tenancy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

import com.mongodb.client.ClientSession;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;

import org.springframework.data.mongodb.MongoDatabaseFactory;

/**
 * The one place where tenancy is enforced: every MongoDB collection that belongs to organisations is
 * handed out wrapped, so that every query, count, update and delete through it is limited to the current
 * {@link TenantScope}, and every insert or replacement must belong to it. Spring Data repositories, derived
 * queries and {@code MongoTemplate} all reach MongoDB through these collections, so a forgotten filter
 * cannot leak another organisation's data: it finds nothing (which the API answers with 404).
 *
 * <p>Without a scope, touching an owned collection fails: event consumers and background jobs declare
 * {@link TenantScope#runAsSystem} on purpose. Operations that cannot be limited safely (bulk writes,
 * change streams, map-reduce, drop) are refused inside an organisation's scope.
 */
public final class TenantScopedDatabases {

    private TenantScopedDatabases() {
    }

    /** Wraps a database factory so that the databases and collections it hands out are tenant-scoped. */
    public static MongoDatabaseFactory wrap(MongoDatabaseFactory factory, Supplier<TenantOwnership> ownership) {
        return proxy(MongoDatabaseFactory.class, factory, (target, method, args) -> {
            Object result = call(target, method, args);
            return result instanceof MongoDatabase database ? database(database, ownership) : result;
        });
    }

    static MongoDatabase database(MongoDatabase database, Supplier<TenantOwnership> ownership) {
        return proxy(MongoDatabase.class, database, (target, method, args) -> {
            Object result = call(target, method, args);
            if (result instanceof MongoDatabase other) {
                return database(other, ownership);
            }
            if (method.getName().equals("getCollection") && result instanceof MongoCollection<?> collection) {
                String name = (String) args[0];
                return ownership.get().ownerField(name)
                        .<Object>map(field -> collection(collection, name, field))
                        .orElse(collection);
            }
            return result;
        });
    }

    @SuppressWarnings("unchecked")
    static <T> MongoCollection<T> collection(MongoCollection<T> collection, String name, String ownerField) {
        return (MongoCollection<T>) Proxy.newProxyInstance(MongoCollection.class.getClassLoader(),
                new Class<?>[] { MongoCollection.class }, new ScopedCollection(collection, name, ownerField));
    }

    private static final class ScopedCollection implements InvocationHandler {

        private final MongoCollection<?> target;
        private final String name;
        private final String ownerField;

        ScopedCollection(MongoCollection<?> target, String name, String ownerField) {
            this.target = target;
            this.name = name;
            this.ownerField = ownerField;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String operation = method.getName();
            if (operation.startsWith("with")) {
                Object result = call(target, method, args);
                return result instanceof MongoCollection<?> other ? collection(other, name, ownerField) : result;
            }
            if (isMetadata(operation)) {
                return call(target, method, args);
            }
            TenantScope.Scope scope = TenantScope.current().orElseThrow(() -> new IllegalStateException(
                    "No tenant scope for " + operation + " on " + name + ": API requests carry the caller's organisation; "
                            + "consumers and jobs must run in TenantScope.runAsSystem"));
            if (!(scope instanceof TenantScope.Organisation organisation)) {
                return call(target, method, args);
            }
            if (args != null && args.length > 0 && args[0] instanceof ClientSession) {
                throw refused(operation, "with a client session");
            }
            Bson owner = Filters.eq(ownerField, organisation.organisationId());
            Object[] scoped = args == null ? new Object[0] : args.clone();
            switch (operation) {
                case "find", "countDocuments" -> {
                    if (scoped.length == 0 || scoped[0] instanceof Class<?>) {
                        return call(target, withFilterFirst(method, owner, scoped));
                    }
                    scoped[0] = and(scoped[0], owner);
                }
                case "estimatedDocumentCount" -> {
                    return target.countDocuments(owner);
                }
                case "distinct" -> {
                    if (scoped.length == 2) {
                        return target.distinct((String) scoped[0], owner, (Class<?>) scoped[1]);
                    }
                    scoped[1] = and(scoped[1], owner);
                }
                case "deleteOne", "deleteMany", "updateOne", "updateMany", "findOneAndDelete", "findOneAndUpdate" ->
                    scoped[0] = and(scoped[0], owner);
                case "replaceOne", "findOneAndReplace" -> {
                    requireOwned(scoped[1], organisation);
                    scoped[0] = and(scoped[0], owner);
                }
                case "insertOne" -> requireOwned(scoped[0], organisation);
                case "insertMany" -> ((Collection<?>) scoped[0]).forEach(document -> requireOwned(document, organisation));
                case "aggregate" -> {
                    List<Bson> pipeline = new ArrayList<>();
                    pipeline.add(new Document("$match", owner));
                    for (Object stage : (List<?>) scoped[0]) {
                        pipeline.add((Bson) stage);
                    }
                    scoped[0] = pipeline;
                }
                default -> throw refused(operation, "inside an organisation's scope");
            }
            return call(target, method, scoped);
        }

        private static boolean isMetadata(String operation) {
            return operation.startsWith("get") || operation.contains("ndex") || operation.equals("toString")
                    || operation.equals("hashCode") || operation.equals("equals");
        }

        /** {@code find()} / {@code find(Class)} / {@code countDocuments()}: call the overload with a filter first. */
        private static Invocation withFilterFirst(Method method, Bson filter, Object[] args) {
            Class<?>[] types = new Class<?>[args.length + 1];
            Object[] values = new Object[args.length + 1];
            types[0] = Bson.class;
            values[0] = filter;
            for (int i = 0; i < args.length; i++) {
                types[i + 1] = method.getParameterTypes()[i];
                values[i + 1] = args[i];
            }
            try {
                return new Invocation(MongoCollection.class.getMethod(method.getName(), types), values);
            }
            catch (NoSuchMethodException ex) {
                throw new IllegalStateException(ex);
            }
        }

        private void requireOwned(Object document, TenantScope.Organisation organisation) {
            Object owner = document instanceof Document raw ? raw.get(ownerField)
                    : document instanceof BsonDocument bson ? bson.get(ownerField) : null;
            boolean owned = owner != null && (owner.equals(organisation.organisationId())
                    || owner instanceof Collection<?> owners && owners.contains(organisation.organisationId())
                    || owner instanceof BsonString text && text.getValue().equals(organisation.organisationId()));
            if (!owned) {
                throw new IllegalStateException("Refusing to write a document of " + name + " that does not belong to "
                        + "organisation " + organisation.organisationId() + " (field " + ownerField + ")");
            }
        }

        private IllegalStateException refused(String operation, String where) {
            return new IllegalStateException(operation + " on " + name + " is not allowed " + where
                    + ": it cannot be limited to one organisation");
        }

        /**
         * The filter limited to the owner. When the filter has no condition on the owner field yet, the owner
         * condition joins it at the top level rather than in an {@code $and}: MongoDB plans both alike, but the
         * embedded mongo-java-server uses an index only when the query's top-level keys equal the index's keys,
         * so a read by id becomes {@code {_id, organisationId}}, which a unique compound index on exactly those
         * keys serves (see ActionPlan, OrgUnit and the EST documents); an {@code $and} is always a scan there.
         */
        private Bson and(Object filter, Bson owner) {
            BsonDocument conditions = ((Bson) filter).toBsonDocument(BsonDocument.class, target.getCodecRegistry());
            if (!conditions.containsKey(ownerField) && conditions.keySet().stream().noneMatch(key -> key.startsWith("$"))) {
                BsonDocument merged = conditions.clone();
                merged.putAll(owner.toBsonDocument(BsonDocument.class, target.getCodecRegistry()));
                return merged;
            }
            return Filters.and((Bson) filter, owner);
        }
    }

    private record Invocation(Method method, Object[] args) {
    }

    private static Object call(Object target, Invocation invocation) throws Throwable {
        return call(target, invocation.method(), invocation.args());
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException ex) {
            throw ex.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> handler.handle(target, method, args));
    }

    @FunctionalInterface
    private interface Handler {

        Object handle(Object target, Method method, Object[] args) throws Throwable;
    }
}
