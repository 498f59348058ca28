package se.trygghetsnav.plan.actionplan.web;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.plan.actionplan.ActionPlan;
import se.trygghetsnav.plan.actionplan.ActionPlans;
import se.trygghetsnav.plan.orgunit.UnitChangedLocally;

/**
 * Whole plans as the API renders them, kept rendered. A plan of a few hundred measures is a few hundred
 * kilobytes of JSON, and reading and rendering it costs far more than checking whether it changed: a
 * rendering stays valid while the plan's version and its {@value #UNITS_REVISION} are the same. The latter
 * counts changes to the units the plan names (their names are part of the view): a unit change increments it
 * on every plan naming the unit. Both are read with one small projection of the plan on every request, so
 * every instance answers with the current plan; only the rendering work is saved.
 *
 * <p>The counter is not part of the aggregate (its saves leave unmapped fields alone) and may restart when the
 * plan is saved, but only together with a new plan version, so a stamp never comes back to mean another view.
 */
@Component
public class RenderedPlans {

    private final ActionPlans plans;
    private final PlanViews views;
    private final MongoOperations mongo;
    private final JsonMapper json;
    private final long maxBytes;
    static final String UNITS_REVISION = "unitsRevision";

    private final Map<UUID, Rendered> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    RenderedPlans(ActionPlans plans, PlanViews views, MongoOperations mongo, JsonMapper json,
            @Value("${trygghetsnav.plan.rendered-plans-max-bytes:33554432}") long maxBytes) {
        this.plans = plans;
        this.views = views;
        this.mongo = mongo;
        this.json = json;
        this.maxBytes = maxBytes;
    }

    /** The plan (of the caller's organisation) as JSON, with the version it shows. */
    public Rendered get(UUID planId) {
        String stamp = stampOf(planId);
        synchronized (cache) {
            Rendered cached = cache.get(planId);
            if (cached != null && cached.stamp().equals(stamp)) {
                return cached;
            }
        }
        ActionPlan plan = plans.get(planId);
        // The plan may have moved on since the stamp was read: the rendering is then newer than its stamp, and
        // the next request, seeing a different stamp, renders again. It is never older than what it claims.
        Rendered rendered = new Rendered(stamp, plan.getVersion(), gzip(json.writeValueAsBytes(views.plan(plan))));
        synchronized (cache) {
            Rendered replaced = cache.put(planId, rendered);
            cachedBytes += rendered.gzippedJson().length - (replaced == null ? 0 : replaced.gzippedJson().length);
            var eldest = cache.entrySet().iterator();
            while (cachedBytes > maxBytes && eldest.hasNext()) {
                cachedBytes -= eldest.next().getValue().gzippedJson().length;
                eldest.remove();
            }
        }
        return rendered;
    }

    /** The units a plan shows have changed: its renderings, here and in every instance, are stale. */
    @EventListener
    void unitChanged(UnitChangedLocally changed) {
        mongo.updateMulti(Query.query(Criteria.where("responsibleUnitIds").is(changed.unitId())),
                new Update().inc(UNITS_REVISION, 1), ActionPlan.class);
    }

    private String stampOf(UUID planId) {
        Query head = Query.query(Criteria.where("_id").is(planId));
        head.fields().include("version").include(UNITS_REVISION);
        Document plan = mongo.findOne(head, Document.class, mongo.getCollectionName(ActionPlan.class));
        if (plan == null) {
            throw new ResourceNotFoundException("plan", planId);
        }
        return plan.get("version") + "|" + plan.get(UNITS_REVISION, 0);
    }

    private static byte[] gzip(byte[] plain) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream(plain.length / 6);
        try (GZIPOutputStream out = new GZIPOutputStream(compressed, 64 * 1024)) {
            out.write(plain);
        }
        catch (IOException impossibleInMemory) {
            throw new UncheckedIOException(impossibleInMemory);
        }
        return compressed.toByteArray();
    }

    /**
     * A rendering: what it was made for, the plan version it shows, and the JSON, kept gzipped: a plan's JSON
     * shrinks about tenfold, so the cache holds the plans of hundreds of organisations in a small heap, and
     * browsers (which accept gzip) get it without compressing again.
     */
    public record Rendered(String stamp, long version, byte[] gzippedJson) {

        public byte[] json() {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzippedJson))) {
                return in.readAllBytes();
            }
            catch (IOException impossibleInMemory) {
                throw new UncheckedIOException(impossibleInMemory);
            }
        }
    }
}
