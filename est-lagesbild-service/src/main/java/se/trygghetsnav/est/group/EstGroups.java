package se.trygghetsnav.est.group;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import se.trygghetsnav.commons.aggregate.AggregateStore;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.problem.ResourceNotFoundException;
import se.trygghetsnav.commons.security.Caller;
import se.trygghetsnav.commons.web.ETags;
import se.trygghetsnav.est.group.persistence.EstGroupRepository;

/**
 * The use cases of EST groups. Reads are limited to the groups of the caller's organisation (a member of
 * another group gets 404); set-up changes are the owning municipality's EST coordinator's.
 */
@Service
public class EstGroups {

    private static final Logger log = LoggerFactory.getLogger(EstGroups.class);
    private static final int ATTEMPTS = 5;
    private static final long RECENT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);
    private static final int RECENT_LIMIT = 10_000;

    /** Groups read in the last seconds, for posting (see {@link #getRecent}). */
    private final java.util.concurrent.ConcurrentHashMap<UUID, Recent> recent = new java.util.concurrent.ConcurrentHashMap<>();

    private record Recent(EstGroup group, long readAt) {
    }

    private final AggregateStore<EstGroup> store;
    private final EstGroupRepository groups;
    private final EventContext context;
    private final ApplicationEventPublisher localEvents;

    public EstGroups(AggregateStore<EstGroup> store, EstGroupRepository groups, EventContext context,
            ApplicationEventPublisher localEvents) {
        this.store = store;
        this.groups = groups;
        this.context = context;
        this.localEvents = localEvents;
    }

    /** Sets up a group run by the caller's organisation. */
    public EstGroup register(Caller caller, EstGroup.Settings settings, List<EstGroup.NewPlace> places,
            List<String> extraCategories) {
        places.forEach(EstGroups::requireInSweden);
        List<Category> categories = extraCategories.stream()
                .map(label -> new Category(Categories.codeFor(label), label.strip(), false)).toList();
        EstGroup group = store.save(EstGroup.register(caller.organisationId(), settings, places, categories, context));
        log.info("EST group {} registered by organisation {} with {} members", group.getId(), caller.organisationId(),
                group.getMembers().size());
        return group;
    }

    /** A group of the caller's organisation; any other group is not found. */
    public EstGroup get(UUID groupId) {
        return groups.findById(groupId).orElseThrow(() -> new ResourceNotFoundException("est-group", groupId));
    }

    /**
     * The group as read at most a couple of seconds ago, when the caller's organisation was a member of it then;
     * otherwise read now (under tenancy, so a non-member gets 404). For posting entries, where the group only
     * validates categories and places: who may write is checked again against the week itself, whose member
     * organisations change in the same request as the group's. Changes made through this instance are seen
     * at once.
     */
    public EstGroup getRecent(UUID groupId, Caller caller) {
        Recent known = recent.get(groupId);
        if (known != null && System.nanoTime() - known.readAt() < RECENT_NANOS
                && known.group().hasMemberOrganisation(caller.organisationId())) {
            return known.group();
        }
        EstGroup group = get(groupId);
        if (recent.size() > RECENT_LIMIT) {
            recent.clear();
        }
        recent.put(groupId, new Recent(group, System.nanoTime()));
        return group;
    }

    /** Forgets the recently read state of a group (after it changed). */
    public void forget(UUID groupId) {
        recent.remove(groupId);
    }

    public Page<EstGroup> list(Pageable pageable) {
        return groups.findAllBy(pageable);
    }

    /** Changes name, members, schedule and cell size; refused with 412 when {@code ifMatch} is stale. */
    public EstGroup change(UUID groupId, @Nullable String ifMatch, Caller caller, EstGroup.Settings settings) {
        EstGroup changed = modify(groupId, ifMatch, caller, group -> {
            group.change(settings, context);
            return group;
        });
        log.info("EST group {} changed", groupId);
        localEvents.publishEvent(new GroupMembershipChanged(groupId, changed.getMemberOrganisationIds()));
        return changed;
    }

    public Place addPlace(UUID groupId, Caller caller, EstGroup.NewPlace place) {
        requireInSweden(place);
        return modify(groupId, null, caller, group -> group.addPlace(place, caller.organisationId(), context));
    }

    public Place changePlace(UUID groupId, UUID placeId, @Nullable String ifMatch, Caller caller, EstGroup.NewPlace place) {
        requireInSweden(place);
        return modify(groupId, ifMatch, caller, group -> group.changePlace(placeId, place, context));
    }

    public Category addCategory(UUID groupId, Caller caller, String label) {
        return modify(groupId, null, caller, group -> group.addCategory(label, context));
    }

    /**
     * The place a member reports at: a known place of that name when there is one, else a new place of the
     * group (any member may add places this way; the coordinator can correct them later).
     */
    public Place placeReportedAt(UUID groupId, Caller caller, EstGroup.NewPlace place) {
        requireInSweden(place);
        for (int attempt = 1;; attempt++) {
            EstGroup group = get(groupId);
            var known = group.placeNamed(place.name());
            if (known.isPresent()) {
                return known.get();
            }
            try {
                Place added = group.addPlace(place, caller.organisationId(), context);
                store.save(group);
                forget(groupId);
                log.info("Place {} added to EST group {} by a member of organisation {}", added.placeId(), groupId,
                        caller.organisationId());
                return added;
            }
            catch (OptimisticLockingFailureException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    /** Refuses with 403 unless the caller's organisation runs the group. */
    public static void requireCoordinator(EstGroup group, Caller caller) {
        if (!group.isOwnedBy(caller.organisationId())) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "not-group-coordinator", group.getName());
        }
    }

    /**
     * Loads, changes and stores the group; without {@code If-Match} a concurrent change (another coordinator,
     * a member adding a place) is retried on the new version rather than refused.
     */
    private <T> T modify(UUID groupId, @Nullable String ifMatch, Caller caller, Function<EstGroup, T> change) {
        for (int attempt = 1;; attempt++) {
            EstGroup group = get(groupId);
            requireCoordinator(group, caller);
            ETags.checkIfPresent(ifMatch, group.getVersion());
            T result = change.apply(group);
            try {
                store.save(group);
                forget(groupId);
                return result;
            }
            catch (OptimisticLockingFailureException concurrent) {
                if (ifMatch != null || attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    /** Whether the coordinates lie in Sweden (roughly: its bounding box). */
    public static boolean inSweden(EstGroup.NewPlace place) {
        return place.latitude() >= 55.0 && place.latitude() <= 69.2 && place.longitude() >= 10.5 && place.longitude() <= 24.3;
    }

    /** Coordinates must lie in Sweden: swapped latitude and longitude are the usual mistake. */
    static void requireInSweden(EstGroup.NewPlace place) {
        if (!inSweden(place)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "coordinates-outside-sweden", place.name(),
                    place.latitude(), place.longitude());
        }
    }
}
