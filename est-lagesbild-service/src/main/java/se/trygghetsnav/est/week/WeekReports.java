package se.trygghetsnav.est.week;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.security.Role;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.est.group.EstGroup;
import se.trygghetsnav.est.group.EstGroups;
import se.trygghetsnav.est.group.Member;
import se.trygghetsnav.est.group.Place;
import se.trygghetsnav.est.text.FreeText;
import se.trygghetsnav.est.week.events.EntryFacts;

/**
 * The use cases of a group's weeks: posting and correcting entries, reviewing them, closing the week, and
 * reading it. Every call first reads the group under tenancy, so a caller whose organisation is not a member
 * gets 404 for the group and all its weeks.
 */
@Service
public class WeekReports {

    private static final Logger log = LoggerFactory.getLogger(WeekReports.class);
    private static final int ATTEMPTS = 5;

    private final AggregateStore<WeekReport> store;
    private final WeekDocuments documents;
    private final EstGroups groups;
    private final WeekWriter writer;
    private final EntryTexts texts;
    private final FreeText freeText;
    private final EventContext context;
    private final Clock clock;

    public WeekReports(AggregateStore<WeekReport> store, WeekDocuments documents, EstGroups groups, WeekWriter writer,
            EntryTexts texts, FreeText freeText, EventContext context, Clock clock) {
        this.store = store;
        this.documents = documents;
        this.groups = groups;
        this.writer = writer;
        this.texts = texts;
        this.freeText = freeText;
        this.context = context;
        this.clock = clock;
    }

    /** A group's week as stored, or empty when nothing has happened in it yet. */
    public record Week(EstGroup group, IsoWeek week, Optional<WeekReport> report) {

        public WeekStatus status() {
            return report.map(WeekReport::getStatus).orElse(WeekStatus.OPEN);
        }

        public long version() {
            return report.map(WeekReport::getVersion).orElse(0L);
        }

        public List<Entry> entries() {
            return report.map(WeekReport::getEntries).orElse(List.of());
        }
    }

    /** What a submission stored, with the descriptions as stored. */
    public record Posted(EstGroup group, IsoWeek week, long version, UUID submissionId, List<Entry> entries,
            Map<UUID, String> descriptions) {
    }

    /** A changed entry with its group and week. */
    public record ChangedEntry(EstGroup group, WeekReport report, Entry entry) {
    }

    public Week week(UUID groupId, IsoWeek week) {
        EstGroup group = groups.get(groupId);
        return new Week(group, week, documents.load(WeekReport.idFor(groupId, week)));
    }

    /**
     * Posts one or several entries to a week in one submission. Nothing is stored unless all of them are
     * acceptable: no description with a personal identity number, known categories, a place for each, dates in
     * the week.
     *
     * @param memberId which of the caller's organisation's group members reports, when it has several
     */
    public Posted post(Caller caller, UUID groupId, IsoWeek week, @Nullable UUID memberId, List<NewEntry> entries) {
        EstGroup group = groups.getRecent(groupId, caller);
        Map<String, String> descriptions = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            descriptions.put("entries[" + i + "].description", entries.get(i).description());
        }
        freeText.requireNoPersonalIdentityNumbers(descriptions);
        requireStarted(week);
        FreeText.Errors errors = validateAll(group, caller, week, memberId, entries);
        if (errors.any()) {
            // The group may have changed on another instance since it was read: judge by its current state.
            group = groups.get(groupId);
            errors = validateAll(group, caller, week, memberId, entries);
        }
        errors.throwIfAny("invalid-entries");
        UUID reportingMember = reportingMember(group, caller, memberId, freeText.errors());

        group = withNewPlaces(group, caller, entries);
        UUID submissionId = context.newId();
        Instant now = context.now();
        boolean late = now.isAfter(group.getSchedule().cutOffAt(week).toInstant());
        List<Entry> stored = new ArrayList<>();
        List<EntryFacts> facts = new ArrayList<>();
        Map<UUID, String> textByEntry = new LinkedHashMap<>();
        for (NewEntry entry : entries) {
            Entry created = new Entry(context.newId(), submissionId, entry.category(), placeOf(group, entry).placeId(),
                    entry.date(), entry.timeBand(), entry.seriousness(), entry.certainty(), entry.reportedToPolice(),
                    submissionId, caller.organisationId(), reportingMember, now, late, null, null);
            stored.add(created);
            facts.add(EntryFacts.of(created, group));
            textByEntry.put(created.entryId(), entry.description().strip());
        }
        long version = writer.append(group, week, new WeekWriter.Submission(submissionId, caller.organisationId(),
                reportingMember, stored, facts, textByEntry), caller);
        return new Posted(group, week, version, submissionId, stored, textByEntry);
    }

    /**
     * Corrects an entry while its week is open: its own organisation may, and the group's coordinators.
     */
    public ChangedEntry changeEntry(Caller caller, UUID groupId, IsoWeek week, UUID entryId, @Nullable String ifMatch,
            NewEntry changes) {
        EstGroup group = groups.get(groupId);
        freeText.requireNoPersonalIdentityNumber("description", changes.description());
        FreeText.Errors errors = freeText.errors();
        validate(group, week, changes, "", errors);
        errors.throwIfAny("invalid-entries");
        WeekReport existing = documents.load(WeekReport.idFor(groupId, week))
                .orElseThrow(() -> new ResourceNotFoundException("entry", entryId));
        existing.requireOpenForEntries();
        requireMayChange(group, existing.requireEntry(entryId), caller);

        EstGroup withPlaces = withNewPlaces(group, caller, List.of(changes));
        UUID placeId = placeOf(withPlaces, changes).placeId();
        UUID textId = context.newId();
        texts.store(textId, caller.organisationId(), existing.getId(), Map.of(entryId, changes.description().strip()));
        return modify(withPlaces, week, ifMatch, false, report -> {
            Entry current = report.requireEntry(entryId);
            requireMayChange(withPlaces, current, caller);
            Entry changed = current.changedTo(changes.category(), placeId, changes.date(), changes.timeBand(),
                    changes.seriousness(), changes.certainty(), changes.reportedToPolice(), textId, context.now());
            report.changeEntry(changed, caller.organisationId(), withPlaces, context);
            log.info("Entry {} of week {} of EST group {} changed by organisation {}", entryId, week, groupId,
                    caller.organisationId());
            return new ChangedEntry(withPlaces, report, changed);
        });
    }

    /** Marks entries reviewed: the coordinator's. */
    public WeekReport review(Caller caller, UUID groupId, IsoWeek week, List<UUID> entryIds) {
        EstGroup group = groups.get(groupId);
        EstGroups.requireCoordinator(group, caller);
        return modify(group, week, null, false, report -> {
            report.markReviewed(entryIds, context);
            return report;
        });
    }

    /** Closes the week for entries ahead of the meeting: the coordinator's. */
    public WeekReport close(Caller caller, UUID groupId, IsoWeek week, @Nullable String ifMatch) {
        EstGroup group = groups.get(groupId);
        EstGroups.requireCoordinator(group, caller);
        requireStarted(week);
        WeekReport closed = modify(group, week, ifMatch, true, report -> {
            report.close(context);
            return report;
        });
        log.info("Week {} of EST group {} closed with {} entries", week, groupId, closed.getEntries().size());
        return closed;
    }

    /**
     * Loads the group's week, changes it and stores it with its events, alone among this instance's writers of
     * the week; a concurrent change elsewhere is retried on the new version unless the caller sent If-Match.
     *
     * @param open whether to open the week first if nothing has happened in it yet
     */
    <T> T modify(EstGroup group, IsoWeek week, @Nullable String ifMatch, boolean open, Function<WeekReport, T> change) {
        UUID weekId = WeekReport.idFor(group.getId(), week);
        if (open) {
            writer.ensureOpened(group, week, se.trygghetsnav.commons.security.Caller.required());
        }
        return writer.exclusively(weekId, () -> {
            for (int attempt = 1;; attempt++) {
                WeekReport report = documents.load(weekId)
                        .orElseThrow(() -> new ResourceNotFoundException("week", week));
                ETags.checkIfPresent(ifMatch, report.getVersion());
                T result = change.apply(report);
                try {
                    store.save(report);
                    return result;
                }
                catch (OptimisticLockingFailureException concurrent) {
                    if (ifMatch != null || attempt == ATTEMPTS) {
                        throw concurrent;
                    }
                }
            }
        });
    }

    /** Weeks can be written from their start on (and the next week, for events planned ahead). */
    void requireStarted(IsoWeek week) {
        IsoWeek next = IsoWeek.of(LocalDate.now(clock)).plusWeeks(1);
        if (week.compareTo(next) > 0) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "week-not-started", week.toString());
        }
    }

    private FreeText.Errors validateAll(EstGroup group, Caller caller, IsoWeek week, @Nullable UUID memberId,
            List<NewEntry> entries) {
        FreeText.Errors errors = freeText.errors();
        reportingMember(group, caller, memberId, errors);
        for (int i = 0; i < entries.size(); i++) {
            validate(group, week, entries.get(i), "entries[" + i + "]", errors);
        }
        return errors;
    }

    private @Nullable UUID reportingMember(EstGroup group, Caller caller, @Nullable UUID memberId, FreeText.Errors errors) {
        List<Member> own = group.membersOf(caller.organisationId());
        if (memberId == null) {
            return own.isEmpty() ? null : own.getFirst().memberId();
        }
        if (own.stream().noneMatch(member -> member.memberId().equals(memberId))) {
            errors.add("memberId", "est.entry.unknown-member", memberId);
        }
        return memberId;
    }

    private static void requireMayChange(EstGroup group, Entry entry, Caller caller) {
        boolean own = entry.reportingOrganisationId().equals(caller.organisationId());
        boolean coordinator = group.isOwnedBy(caller.organisationId()) && caller.has(Role.EST_COORDINATOR);
        if (!own && !coordinator) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "entry-of-another-organisation", entry.entryId());
        }
    }

    private void validate(EstGroup group, IsoWeek week, NewEntry entry, String path, FreeText.Errors errors) {
        String prefix = path.isEmpty() ? "" : path + ".";
        if (group.category(entry.category()).isEmpty()) {
            errors.add(prefix + "category", "est.entry.unknown-category", entry.category());
        }
        if ((entry.placeId() == null) == (entry.newPlace() == null)) {
            errors.add(prefix + "placeId", "est.entry.place-required");
        }
        else if (entry.placeId() != null && group.place(entry.placeId()).isEmpty()) {
            errors.add(prefix + "placeId", "est.entry.unknown-place", entry.placeId());
        }
        else if (entry.newPlace() != null && !EstGroups.inSweden(entry.newPlace())) {
            errors.add(prefix + "newPlace", "est.entry.coordinates-outside-sweden");
        }
        if (!week.contains(entry.date())) {
            errors.add(prefix + "date", "est.entry.date-outside-week", week.toString(), week.monday().toString(),
                    week.sunday().toString());
        }
    }

    /** Adds the places named for the first time; returns the group as it is then. */
    private EstGroup withNewPlaces(EstGroup group, Caller caller, List<NewEntry> entries) {
        Map<String, EstGroup.NewPlace> newPlaces = new HashMap<>();
        for (NewEntry entry : entries) {
            if (entry.newPlace() != null && group.placeNamed(entry.newPlace().name()).isEmpty()) {
                newPlaces.putIfAbsent(Place.normalise(entry.newPlace().name()), entry.newPlace());
            }
        }
        if (newPlaces.isEmpty()) {
            return group;
        }
        newPlaces.values().forEach(place -> groups.placeReportedAt(group.getId(), caller, place));
        return groups.get(group.getId());
    }

    private static Place placeOf(EstGroup group, NewEntry entry) {
        if (entry.placeId() != null) {
            return group.place(entry.placeId()).orElseThrow();
        }
        return group.placeNamed(entry.newPlace().name()).orElseThrow();
    }
}
