package se.trygghetsnav.est.week;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.annotation.Transient;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.tenancy.TenantOwned;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.MeetingSchedule;
import se.trygghetsnav.est.week.events.DecisionFollowedUp;
import se.trygghetsnav.est.week.events.DecisionMade;
import se.trygghetsnav.est.week.events.EntriesReviewed;
import se.trygghetsnav.est.week.events.EntryChanged;
import se.trygghetsnav.est.week.events.EntryFacts;
import se.trygghetsnav.est.week.events.WeekClosed;
import se.trygghetsnav.est.week.events.WeekOpened;
import se.trygghetsnav.est.week.events.WeekPublished;

/**
 * One group's lägesbild for one ISO week: its entries, and (after the meeting) what was decided and followed
 * up. One document per group and week, so everything the week is compiled from is one read, and a status
 * change and the event announcing it are stored atomically.
 *
 * <p>The id is derived from the group and the week ({@link #idFor}), so any reader finds a week by {@code _id}
 * without a secondary index (the embedded MongoDB never builds non-unique ones) and concurrent first posts
 * to a week cannot open it twice.
 *
 * <p>Entries are kept in two places so that the document stays small however busy the week: the newest ones
 * here, and the older ones in immutable {@link EntryBucket}s that the writer seals off every few hundred
 * entries ({@link WeekWriter}). A correction or review of a sealed entry stores the entry's new state here,
 * where it takes the sealed state's place ({@link #getEntries()}).
 *
 * <p>The week belongs to the group's member organisations: the document's {@value #MEMBER_ORGANISATIONS}
 * array, which tenancy filters on. That array is deliberately not a field of this class: it is written when
 * the week is opened ({@link WeekWriter}) and replaced when the group's members change, and since the
 * aggregate store only sets mapped fields, a save of this aggregate never writes back a stale member list.
 */
@Document("est_week_reports")
@TenantOwned(field = WeekReport.MEMBER_ORGANISATIONS)
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'memberOrganisationIds': 1}", unique = true)
@CompoundIndex(name = "tenant_write", def = "{'_id': 1, 'version': 1, 'memberOrganisationIds': 1}", unique = true)
@CompoundIndex(name = "version_guard", def = "{'_id': 1, 'version': 1}", unique = true)
@CompoundIndex(name = "group_week", def = "{'groupId': 1, 'isoWeek': 1}", unique = true)
public class WeekReport extends AggregateRoot {

    public static final String MEMBER_ORGANISATIONS = "memberOrganisationIds";

    private UUID groupId;

    private String isoWeek;

    private WeekStatus status;

    /**
     * The entries posted, corrected or reviewed since the week last sealed a bucket: the newest state of each
     * such entry. Kept short (see {@link WeekWriter}) so that appending to the week stays cheap.
     */
    private List<Entry> entries = new ArrayList<>();

    /** How many entries {@code entries} holds; a field, so the writer can read it without reading them. */
    private int liveEntryCount;

    /** The week's sealed entry buckets ({@link EntryBucket}), oldest first. */
    private List<UUID> sealedBuckets = new ArrayList<>();

    /** The sealed buckets' entries once {@link #attachSealed} was called; not stored here. */
    @Transient
    private @Nullable List<Entry> sealed;

    private Instant openedAt;

    private @Nullable Instant closedAt;

    private List<Decision> decisions = new ArrayList<>();

    private List<FollowUp> followUps = new ArrayList<>();

    private @Nullable Instant publishedAt;

    private @Nullable PublishedSummary publishedSummary;

    private Instant updatedAt;

    protected WeekReport() {
    }

    private WeekReport(UUID groupId, IsoWeek week, String ownerOrganisationId, Instant now) {
        super(idFor(groupId, week), ownerOrganisationId);
        this.groupId = groupId;
        this.isoWeek = week.toString();
        this.status = WeekStatus.OPEN;
        this.openedAt = now;
        this.updatedAt = now;
    }

    /** The id of a group's report for a week: a name-based UUID of both, the same wherever it is computed. */
    public static UUID idFor(UUID groupId, IsoWeek week) {
        return UUID.nameUUIDFromBytes(("trygghetsnav:est:week-report:" + groupId + ":" + week).getBytes(StandardCharsets.UTF_8));
    }

    /** Opens a group's week; the caller stores it with the group's member organisations ({@link WeekWriter}). */
    static WeekReport open(EstGroup group, IsoWeek week, EventContext context) {
        WeekReport report = new WeekReport(group.getId(), week, group.getOrganisationId(), context.now());
        MeetingSchedule schedule = group.getSchedule();
        report.raise(version -> new WeekOpened(context.newId(), report.getId(), version, report.getOrganisationId(),
                report.openedAt, group.getId(), week, schedule.cutOffAt(week).toOffsetDateTime(),
                schedule.meetingAt(week).toOffsetDateTime()));
        return report;
    }

    /**
     * Gives the aggregate the entries of its sealed buckets, read separately ({@link WeekDocuments}); needed
     * before anything that reads or changes entries when the week has sealed buckets.
     */
    public void attachSealed(List<Entry> sealedEntries) {
        this.sealed = List.copyOf(sealedEntries);
    }

    public List<UUID> getSealedBuckets() {
        return List.copyOf(sealedBuckets);
    }

    public Optional<Entry> entry(UUID entryId) {
        return getEntries().stream().filter(entry -> entry.entryId().equals(entryId)).findFirst();
    }

    public Entry requireEntry(UUID entryId) {
        return entry(entryId).orElseThrow(() -> new ResourceNotFoundException("entry", entryId));
    }

    /** Replaces an entry's content; only while the week is open. */
    public Entry changeEntry(Entry changed, String byOrganisationId, EstGroup group, EventContext context) {
        requireOpenForEntries();
        requireEntry(changed.entryId());
        putLive(List.of(changed));
        Instant now = context.now();
        updatedAt = now;
        EntryFacts facts = EntryFacts.of(changed, group);
        raise(version -> new EntryChanged(context.newId(), getId(), version, getOrganisationId(), now, groupId, week(),
                byOrganisationId, facts));
        return changed;
    }

    /** Marks entries reviewed (again marking one already reviewed changes nothing); refused once published. */
    public List<UUID> markReviewed(Collection<UUID> entryIds, EventContext context) {
        requireNotPublished();
        Map<UUID, Entry> all = new LinkedHashMap<>();
        getEntries().forEach(entry -> all.put(entry.entryId(), entry));
        Set<UUID> wanted = new LinkedHashSet<>(entryIds);
        List<UUID> unknown = wanted.stream().filter(id -> !all.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-entries", unknown.toString());
        }
        Instant now = context.now();
        List<UUID> newlyReviewed = wanted.stream().filter(id -> !all.get(id).isReviewed()).toList();
        if (newlyReviewed.isEmpty()) {
            return newlyReviewed;
        }
        putLive(newlyReviewed.stream().map(id -> all.get(id).reviewed(now)).toList());
        updatedAt = now;
        int reviewed = (int) all.values().stream().filter(Entry::isReviewed).count() + newlyReviewed.size();
        int total = all.size();
        raise(version -> new EntriesReviewed(context.newId(), getId(), version, getOrganisationId(), now, groupId, week(),
                newlyReviewed, reviewed, total));
        return newlyReviewed;
    }

    /** Closes the week for entries before the meeting. */
    public void close(EventContext context) {
        requireOpenForEntries();
        Instant now = context.now();
        status = WeekStatus.CLOSED;
        closedAt = now;
        updatedAt = now;
        int total = getEntries().size();
        raise(version -> new WeekClosed(context.newId(), getId(), version, getOrganisationId(), now, groupId, week(), total));
    }

    /** Records an effort decided at the meeting about this week; until the week is published. */
    public Decision decide(Decision decision, EventContext context) {
        requireNotPublished();
        decisions.add(decision);
        Instant now = decision.decidedAt();
        updatedAt = now;
        raise(version -> new DecisionMade(context.newId(), getId(), version, getOrganisationId(), now, groupId, week(),
                decision.decisionId(), decision.kind(), decision.placeId(), decision.area(), decision.startDate(),
                decision.endDate(), decision.timeBand(), decision.responsibleMemberId(), decision.responsibleName(),
                decision.responsibleOrganisationId(), decision.measureId(), decision.planId()));
        return decision;
    }

    /**
     * Records (or records again) how a decision of an earlier week went; until this week is published.
     */
    public FollowUp followUp(FollowUp followUp, EventContext context) {
        requireNotPublished();
        followUps.removeIf(existing -> existing.decisionId().equals(followUp.decisionId()));
        followUps.add(followUp);
        Instant now = followUp.recordedAt();
        updatedAt = now;
        Decision decision = followUp.decision();
        raise(version -> new DecisionFollowedUp(context.newId(), getId(), version, getOrganisationId(), now, groupId, week(),
                decision.decisionId(), IsoWeek.parse(followUp.decidedInWeek()), followUp.decidedInWeekReportId(),
                decision.kind(), followUp.outcome(), followUp.note(), decision.responsibleOrganisationId(),
                decision.measureId(), decision.planId()));
        return followUp;
    }

    /**
     * Publishes the week: from now on nothing in it changes, and its public summary (counts per category and
     * area) is out.
     */
    public PublishedSummary publish(EstGroup group, EventContext context) {
        requireNotPublished();
        Instant now = context.now();
        Map<String, Integer> byCategory = new LinkedHashMap<>();
        group.getCategories().forEach(category -> byCategory.put(category.code(), 0));
        Map<String, Integer> byArea = new TreeMap<>();
        List<Entry> all = getEntries();
        for (Entry entry : all) {
            byCategory.merge(entry.category(), 1, Integer::sum);
            group.place(entry.placeId()).ifPresent(place -> byArea.merge(place.area(), 1, Integer::sum));
        }
        List<PublishedSummary.CategoryCount> categories = byCategory.entrySet().stream().filter(count -> count.getValue() > 0)
                .map(count -> new PublishedSummary.CategoryCount(count.getKey(),
                        group.category(count.getKey()).map(category -> category.label()).orElse(count.getKey()), count.getValue()))
                .toList();
        List<PublishedSummary.AreaCount> areas = byArea.entrySet().stream()
                .map(count -> new PublishedSummary.AreaCount(count.getKey(), count.getValue())).toList();
        PublishedSummary summary = new PublishedSummary(all.size(), categories, areas, decisions.size(), followUps.size());
        status = WeekStatus.PUBLISHED;
        publishedAt = now;
        publishedSummary = summary;
        closedAt = closedAt == null ? now : closedAt;
        updatedAt = now;
        raise(version -> new WeekPublished(context.newId(), getId(), version, getOrganisationId(), now, groupId,
                group.getName(), week(), summary.entryCount(), summary.byCategory(), summary.byArea(),
                summary.decisionCount(), summary.followUpCount()));
        return summary;
    }

    public Optional<Decision> decision(UUID decisionId) {
        return decisions.stream().filter(decision -> decision.decisionId().equals(decisionId)).findFirst();
    }

    public void requireOpenForEntries() {
        if (status != WeekStatus.OPEN) {
            throw WeekStateException.closedForEntries(week(), status);
        }
    }

    public void requireNotPublished() {
        if (status == WeekStatus.PUBLISHED) {
            throw WeekStateException.published(week());
        }
    }

    public int reviewedCount() {
        return (int) getEntries().stream().filter(Entry::isReviewed).count();
    }

    public UUID getGroupId() {
        return groupId;
    }

    public IsoWeek week() {
        return IsoWeek.parse(isoWeek);
    }

    public WeekStatus getStatus() {
        return status;
    }

    /**
     * Every entry of the week in its newest state, in the order first posted: the sealed buckets' entries with
     * the later states of the same entries (corrections, reviews) taking their place.
     */
    public List<Entry> getEntries() {
        if (sealedBuckets.isEmpty()) {
            return List.copyOf(entries);
        }
        if (sealed == null) {
            throw new IllegalStateException("Week report " + getId() + " has sealed entry buckets that were not attached");
        }
        Map<UUID, Entry> newest = new LinkedHashMap<>();
        sealed.forEach(entry -> newest.put(entry.entryId(), entry));
        entries.forEach(entry -> newest.put(entry.entryId(), entry));
        return List.copyOf(newest.values());
    }

    /** Stores entries' newest states among the live entries, in place of earlier live states of the same entries. */
    private void putLive(List<Entry> newest) {
        Map<UUID, Integer> positions = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            positions.put(entries.get(i).entryId(), i);
        }
        for (Entry entry : newest) {
            Integer position = positions.get(entry.entryId());
            if (position != null) {
                entries.set(position, entry);
            }
            else {
                positions.put(entry.entryId(), entries.size());
                entries.add(entry);
            }
        }
        liveEntryCount = entries.size();
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public @Nullable Instant getClosedAt() {
        return closedAt;
    }

    public List<Decision> getDecisions() {
        return List.copyOf(decisions);
    }

    public List<FollowUp> getFollowUps() {
        return List.copyOf(followUps);
    }

    public @Nullable Instant getPublishedAt() {
        return publishedAt;
    }

    public @Nullable PublishedSummary getPublishedSummary() {
        return publishedSummary;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
