package se.trygghetsnav.est.week;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import se.trygghetsnav.commons.aggregate.AggregateStores;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.events.DomainEvent;
import se.trygghetsnav.commons.outbox.EventSerializer;
import se.trygghetsnav.commons.outbox.PendingEvent;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.tenancy.TenantScope;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.week.events.EntriesPosted;
import se.trygghetsnav.est.week.events.EntryFacts;

/**
 * Writes to week documents where the aggregate store's load-change-save would be too slow: posting entries,
 * at up to a thousand a second, and opening a week.
 *
 * <p><b>Posting</b> appends the new entries and their {@code entries-posted} events to the week document in
 * one single-document update ({@code $push}, guarded by the version it read), so entries and events stay
 * atomic without reading or rewriting the whole week. Submissions to the same week that arrive together are
 * combined into one update (flat combining): whichever request thread holds the week's lane lock drains the
 * lane and writes them all, one event and one version each, in arrival order. A busy week thus costs one
 * update per batch rather than one per submission, and no two writers of this instance race for the same
 * version; writers on other instances are caught by the version guard and retried.
 *
 * <p><b>Other changes</b> of a week (corrections, reviews, decisions, publication) run through
 * {@link #exclusively}, which holds the same lock, so this instance's posts never starve them.
 *
 * <p><b>Sealing</b>: when a batch would bring the week document to {@value #SEAL_AT} live entries or more, the
 * leader moves the live entries and the batch's into a new immutable {@link EntryBucket} instead of appending
 * them: it inserts the bucket, then empties the live list, names the bucket and appends the events in one
 * update guarded by the version it read (with the live entries, in the same read as the header); if that
 * update loses a race, the bucket is removed and nobody ever saw it. The week document thus stays small
 * however busy the week, and appending to it costs the same on the first day and the last. Whether to read
 * the live entries with the header follows from how many this instance last left there; a wrong guess costs
 * one more read.
 *
 * <p><b>Descriptions</b> are stored by the same leader, all of a batch's in one insert just before the week's
 * update ({@link EntryTexts#storeAll}): one round trip per batch rather than one per submission, and never
 * for a submission the week refuses. If the week's update fails after all, they are removed again; a reader
 * never sees an entry without its description, since the texts are stored first.
 *
 * <p>The writes run in the system's tenant scope: each submission's organisation was checked against the
 * group by the caller, and is checked again here against the week's own member organisations.
 */
@Component
public class WeekWriter {

    private static final Logger log = LoggerFactory.getLogger(WeekWriter.class);
    private static final int LANES = 64;
    private static final int ATTEMPTS = 10;
    /** Weeks whose live entry count is remembered (a few hundred groups' current and last week). */
    private static final int LIVE_HINTS = 10_000;

    /**
     * When the week document holds this many live entries, they are sealed into an {@link EntryBucket}: on the
     * embedded MongoDB an update costs in proportion to the document's size (it copies the whole document and
     * measures its BSON size on every update), so a week must not grow without bound. Profiled under a posting
     * load, updates of week documents were the embedded server's largest cost at 200 (some 80 kB at the
     * seal); at 50 the document the appends copy is a quarter of that, while sealing (one insert more per 50
     * entries) stays a small share and a week of 2,000 entries still compiles from one read of 40 buckets by
     * {@code _id}.
     */
    static final int SEAL_AT = 50;

    private final MongoTemplate mongo;
    private final EntryTexts texts;
    private final AggregateStores stores;
    private final EventSerializer serializer;
    private final EventContext context;
    private final Lane[] lanes = new Lane[LANES];
    /** Per week, how many live entries this instance's last append left: only a hint whether to read them. */
    private final Map<UUID, Integer> liveHints = new ConcurrentHashMap<>();
    private final Counter entriesPosted;
    private final DistributionSummary batchSizes;

    public WeekWriter(MongoTemplate mongo, EntryTexts texts, AggregateStores stores, EventSerializer serializer,
            EventContext context, MeterRegistry meters) {
        this.mongo = mongo;
        this.texts = texts;
        this.stores = stores;
        this.serializer = serializer;
        this.context = context;
        this.entriesPosted = Counter.builder("trygghetsnav.est.entries.posted")
                .description("EST entries stored (each submission may carry several)").register(meters);
        this.batchSizes = DistributionSummary.builder("trygghetsnav.est.submissions.per.write")
                .description("Submissions to one week combined into one write").register(meters);
        for (int i = 0; i < LANES; i++) {
            lanes[i] = new Lane();
        }
    }

    /**
     * A submission ready to be stored: its entries, the facts its event carries, and the entries' descriptions
     * by entry id (stored under the submission's id, {@link EntryTexts}).
     */
    public record Submission(UUID submissionId, String reportingOrganisationId, @Nullable UUID reportingMemberId,
            List<Entry> entries, List<EntryFacts> facts, Map<UUID, String> descriptions) {
    }

    /**
     * Appends a submission to the group's week, opening the week first if it is new.
     *
     * @return the week's version after the submission
     * @throws WeekStateException when the week is closed or published
     */
    public long append(EstGroup group, IsoWeek week, Submission submission, Caller actor) {
        UUID weekId = WeekReport.idFor(group.getId(), week);
        Lane lane = lane(weekId);
        PendingAppend pending = new PendingAppend(weekId, group, week, submission, actor, new CompletableFuture<>());
        lane.queue.add(pending);
        while (!pending.result().isDone()) {
            boolean leader = false;
            try {
                // Honours the lock's fairness: a waiting exclusive change goes first.
                leader = lane.lock.tryLock(0, TimeUnit.NANOSECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while posting entries", ex);
            }
            if (leader) {
                try {
                    drain(lane);
                }
                finally {
                    lane.lock.unlock();
                }
            }
            else {
                awaitBriefly(pending.result());
            }
        }
        try {
            return pending.result().join();
        }
        catch (CompletionException ex) {
            throw ex.getCause() instanceof RuntimeException runtime ? runtime : ex;
        }
    }

    /** Runs a change of a week while no other writer of this instance touches it. */
    public <T> T exclusively(UUID weekId, Supplier<T> change) {
        Lane lane = lane(weekId);
        lane.lock.lock();
        try {
            return change.get();
        }
        finally {
            lane.lock.unlock();
        }
    }

    /** Opens the group's week unless it is open already (stored with the group's member organisations). */
    public void ensureOpened(EstGroup group, IsoWeek week, Caller actor) {
        UUID weekId = WeekReport.idFor(group.getId(), week);
        TenantScope.runAsSystem(() -> {
            if (readHeader(weekId) == null) {
                open(group, week, actor);
            }
        });
    }

    /** Gives the group's weeks to exactly these organisations (after the group's members changed). */
    public void replaceMembers(UUID groupId, List<String> memberOrganisationIds) {
        long changed = TenantScope.callAsSystem(() -> mongo.updateMulti(Query.query(Criteria.where("groupId").is(groupId)),
                new Update().set(WeekReport.MEMBER_ORGANISATIONS, memberOrganisationIds), WeekReport.class).getModifiedCount());
        log.info("Weeks of EST group {} now belong to {} organisations ({} weeks)", groupId, memberOrganisationIds.size(),
                changed);
    }

    private void drain(Lane lane) {
        Map<UUID, List<PendingAppend>> byWeek = new LinkedHashMap<>();
        PendingAppend next;
        while ((next = lane.queue.poll()) != null) {
            byWeek.computeIfAbsent(next.weekId(), ignored -> new ArrayList<>()).add(next);
        }
        byWeek.values().forEach(batch -> {
            try {
                TenantScope.runAsSystem(() -> commit(batch));
            }
            catch (RuntimeException ex) {
                batch.forEach(pending -> pending.result().completeExceptionally(ex));
            }
        });
    }

    private void commit(List<PendingAppend> batch) {
        PendingAppend first = batch.getFirst();
        List<UUID> textsStored = new ArrayList<>();
        try {
            commit(first, batch, textsStored);
        }
        catch (RuntimeException failed) {
            texts.discardAll(textsStored);
            throw failed;
        }
        // A submission refused on a later attempt (the week closed, its organisation left the group meanwhile)
        // keeps no descriptions.
        List<UUID> refused = batch.stream().filter(pending -> pending.result().isCompletedExceptionally())
                .map(pending -> pending.submission().submissionId()).filter(textsStored::contains).toList();
        texts.discardAll(refused);
    }

    private void commit(PendingAppend first, List<PendingAppend> batch, List<UUID> textsStored) {
        int batchEntries = batch.stream().mapToInt(pending -> pending.submission().entries().size()).sum();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            // The live entries are read with the header only when this batch will probably seal them.
            boolean withEntries = liveHint(first.weekId()) + batchEntries >= SEAL_AT;
            Document header = readHeader(first.weekId(), withEntries);
            if (header == null) {
                open(first.group(), first.week(), first.actor());
                continue;
            }
            WeekStatus status = WeekStatus.valueOf(header.getString("status"));
            if (status != WeekStatus.OPEN) {
                WeekStateException closed = WeekStateException.closedForEntries(first.week(), status);
                batch.forEach(pending -> pending.result().completeExceptionally(closed));
                return;
            }
            List<?> members = header.getList(WeekReport.MEMBER_ORGANISATIONS, Object.class, List.of());
            List<PendingAppend> accepted = new ArrayList<>();
            for (PendingAppend pending : batch) {
                if (members.contains(pending.actor().organisationId())) {
                    accepted.add(pending);
                }
                else {
                    pending.result().completeExceptionally(new ResourceNotFoundException("est-group", pending.group().getId()));
                }
            }
            if (accepted.isEmpty()) {
                return;
            }
            storeTexts(first.weekId(), accepted, textsStored);
            long version = ((Number) header.get("version")).longValue();
            String owner = header.getString("organisationId");
            Instant now = context.now();
            List<Document> entryDocuments = new ArrayList<>();
            List<Document> eventDocuments = new ArrayList<>();
            long eventVersion = version;
            for (PendingAppend pending : accepted) {
                Submission submission = pending.submission();
                submission.entries().forEach(entry -> entryDocuments.add(mapped(entry)));
                EntriesPosted event = new EntriesPosted(context.newId(), first.weekId(), ++eventVersion, owner, now,
                        first.group().getId(), first.week(), submission.submissionId(), submission.reportingOrganisationId(),
                        submission.reportingMemberId(), submission.facts());
                eventDocuments.add(pendingEvent(event, pending.actor()));
            }
            Update update = new Update()
                    .push(PendingEvent.FIELD).each(eventDocuments.toArray())
                    .set("version", eventVersion)
                    .set("updatedAt", now);
            int live = header.get("liveEntryCount") instanceof Number number ? number.intValue() : 0;
            @Nullable UUID bucketId = null;
            if (live + entryDocuments.size() >= SEAL_AT) {
                if (!withEntries) {
                    // The hint was wrong (another instance posted): read again, this time with the entries.
                    liveHints.put(first.weekId(), live);
                    batch = accepted;
                    continue;
                }
                List<Document> sealed = new ArrayList<>(header.getList("entries", Document.class, List.of()));
                sealed.addAll(entryDocuments);
                bucketId = insertBucket(first.weekId(), first.group().getId(), owner, sealed);
                update.set("entries", List.of()).set("liveEntryCount", 0).push("sealedBuckets", bucketId);
            }
            else {
                update.push("entries").each(entryDocuments.toArray()).inc("liveEntryCount", entryDocuments.size());
            }
            Query guard = Query.query(Criteria.where("_id").is(first.weekId()).and("version").is(version));
            if (mongo.updateFirst(guard, update, WeekReport.class).getMatchedCount() == 1) {
                entriesPosted.increment(entryDocuments.size());
                batchSizes.record(accepted.size());
                long stored = version;
                for (PendingAppend pending : accepted) {
                    pending.result().complete(++stored);
                }
                // After answering the batch's requests: they need not wait for the relay's work list.
                stores.pendingEventsStored(mongo.getCollectionName(WeekReport.class), first.weekId(), eventDocuments.size());
                liveHints.put(first.weekId(), bucketId == null ? live + entryDocuments.size() : 0);
                log.info("{} entries in {} submissions posted to week {} of EST group {} (now version {}{})",
                        entryDocuments.size(), accepted.size(), first.week(), first.group().getId(), eventVersion,
                        bucketId == null ? "" : "; " + (live + entryDocuments.size()) + " entries sealed into bucket " + bucketId);
                return;
            }
            if (bucketId != null) {
                // Nobody ever saw the bucket: the week never named it.
                mongo.remove(Query.query(Criteria.where("_id").is(bucketId)), mongo.getCollectionName(EntryBucket.class));
            }
            liveHints.remove(first.weekId());
            batch = accepted;
        }
        throw new OptimisticLockingFailureException("Week " + first.week() + " of EST group " + first.group().getId()
                + " kept changing; the entries were not stored");
    }

    /** Stores the descriptions of those accepted submissions whose descriptions are not stored yet. */
    private void storeTexts(UUID weekId, List<PendingAppend> accepted, List<UUID> textsStored) {
        Map<UUID, EntryTexts.Submitted> unstored = new LinkedHashMap<>();
        for (PendingAppend pending : accepted) {
            Submission submission = pending.submission();
            if (!textsStored.contains(submission.submissionId())) {
                unstored.put(submission.submissionId(), new EntryTexts.Submitted(submission.submissionId(),
                        submission.reportingOrganisationId(), submission.descriptions()));
            }
        }
        if (!unstored.isEmpty()) {
            texts.storeAll(weekId, unstored.values());
            textsStored.addAll(unstored.keySet());
        }
    }

    /** Inserts a sealed bucket of these entries, not yet named by the week. */
    private UUID insertBucket(UUID weekId, UUID groupId, String owner, List<Document> entries) {
        UUID bucketId = context.newId();
        mongo.insert(new Document("_id", bucketId)
                .append("weekReportId", weekId)
                .append("groupId", groupId)
                .append("organisationId", owner)
                .append("entries", entries)
                .append("sealedAt", java.util.Date.from(context.now())), mongo.getCollectionName(EntryBucket.class));
        return bucketId;
    }

    /** How many live entries this instance last left in the week (0 when it does not know). */
    private int liveHint(UUID weekId) {
        if (liveHints.size() > LIVE_HINTS) {
            liveHints.clear();
        }
        return liveHints.getOrDefault(weekId, 0);
    }

    private void open(EstGroup group, IsoWeek week, Caller actor) {
        WeekReport report = WeekReport.open(group, week, context);
        Document document = new Document();
        mongo.getConverter().write(report, document);
        document.put(WeekReport.MEMBER_ORGANISATIONS, currentMembers(group));
        document.put(PendingEvent.FIELD, report.raisedEvents().stream().map(event -> pendingEvent(event, actor)).toList());
        try {
            mongo.insert(document, mongo.getCollectionName(WeekReport.class));
            stores.pendingEventsStored(mongo.getCollectionName(WeekReport.class), document.get("_id"),
                    report.raisedEvents().size());
            log.info("Week {} of EST group {} opened", week, group.getId());
        }
        catch (DuplicateKeyException openedMeanwhile) {
            log.debug("Week {} of EST group {} was opened meanwhile", week, group.getId());
        }
    }

    /**
     * The group's member organisations as stored now: the group in hand may have been read a moment ago
     * ({@link se.trygghetsnav.est.group.EstGroups#getRecent}), and a week keeps the members it opens with.
     */
    private List<String> currentMembers(EstGroup group) {
        Query query = Query.query(Criteria.where("_id").is(group.getId()));
        query.fields().include(WeekReport.MEMBER_ORGANISATIONS);
        Document stored = mongo.findOne(query, Document.class, mongo.getCollectionName(EstGroup.class));
        return stored == null ? group.getMemberOrganisationIds()
                : stored.getList(WeekReport.MEMBER_ORGANISATIONS, String.class, group.getMemberOrganisationIds());
    }

    private @Nullable Document readHeader(UUID weekId) {
        return readHeader(weekId, false);
    }

    /** The week's version, status, owner, live entry count and members; its live entries too if asked for. */
    private @Nullable Document readHeader(UUID weekId, boolean withEntries) {
        Query query = Query.query(Criteria.where("_id").is(weekId));
        query.fields().include("version", "status", "organisationId", "liveEntryCount", WeekReport.MEMBER_ORGANISATIONS);
        if (withEntries) {
            query.fields().include("entries");
        }
        return mongo.findOne(query, Document.class, mongo.getCollectionName(WeekReport.class));
    }

    private Document mapped(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove("_class");
        return document;
    }

    private Document pendingEvent(DomainEvent event, Caller actor) {
        return mapped(serializer.toPending(event, actor));
    }

    private Lane lane(UUID weekId) {
        return lanes[Math.floorMod(weekId.hashCode(), LANES)];
    }

    private static void awaitBriefly(CompletableFuture<Long> result) {
        try {
            result.get(2, TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException | ExecutionException ignored) {
            // Either still waiting for a leader, or done: the loop looks again.
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting entries", ex);
        }
    }

    private record PendingAppend(UUID weekId, EstGroup group, IsoWeek week, Submission submission, Caller actor,
            CompletableFuture<Long> result) {
    }

    private static final class Lane {

        private final ReentrantLock lock = new ReentrantLock(true);
        private final Queue<PendingAppend> queue = new ConcurrentLinkedQueue<>();
    }
}
