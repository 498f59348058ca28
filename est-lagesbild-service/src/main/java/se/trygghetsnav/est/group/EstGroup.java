package se.trygghetsnav.est.group;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import se.trygghetsnav.commons.aggregate.AggregateRoot;
import se.trygghetsnav.commons.aggregate.EventContext;
import se.trygghetsnav.commons.problem.ApiProblem;
import se.trygghetsnav.commons.tenancy.TenantOwned;

/**
 * An EST group (Effektiv samordning för trygghet): the municipality that runs it, the member organisations,
 * the places it reports about, its categories and its weekly rhythm.
 *
 * <p>The group belongs to every member organisation with an id here ({@code memberOrganisationIds}, always
 * including the owning municipality): tenancy lets exactly those read it, and everyone else gets 404.
 *
 * <p>The unique compound indexes are not for uniqueness ({@code _id} is unique anyway) but so that the
 * embedded MongoDB server answers tenant-scoped reads and version-guarded writes from an index: it only
 * uses an index whose keys are exactly the query's keys, and tenancy adds the owner field to every query.
 */
@Document("est_groups")
@TenantOwned(field = EstGroup.MEMBER_ORGANISATIONS)
@CompoundIndex(name = "tenant_read", def = "{'_id': 1, 'memberOrganisationIds': 1}", unique = true)
@CompoundIndex(name = "tenant_write", def = "{'_id': 1, 'version': 1, 'memberOrganisationIds': 1}", unique = true)
public class EstGroup extends AggregateRoot {

    public static final String MEMBER_ORGANISATIONS = "memberOrganisationIds";

    public static final int DEFAULT_HOT_SPOT_CELL_METERS = 250;

    private String name;

    private List<String> memberOrganisationIds = new ArrayList<>();

    private List<Member> members = new ArrayList<>();

    private List<Place> places = new ArrayList<>();

    private List<Category> categories = new ArrayList<>();

    private MeetingSchedule schedule;

    private int hotSpotCellMeters;

    private Instant createdAt;

    private Instant updatedAt;

    protected EstGroup() {
    }

    private EstGroup(UUID id, String ownerOrganisationId, Instant now) {
        super(id, ownerOrganisationId);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets up a group run by {@code ownerOrganisationId}, with the default categories. */
    public static EstGroup register(String ownerOrganisationId, Settings settings, List<NewPlace> places,
            List<Category> extraCategories, EventContext context) {
        EstGroup group = new EstGroup(context.newId(), ownerOrganisationId, context.now());
        group.apply(settings, context);
        group.categories = new ArrayList<>(Categories.DEFAULTS);
        for (Category category : extraCategories) {
            group.requireNewCategory(category);
            group.categories.add(category);
        }
        for (NewPlace place : places) {
            group.requireNewPlaceName(place.name(), null);
            group.places.add(place.toPlace(context.newId(), context.now(), ownerOrganisationId));
        }
        group.raise(version -> new GroupRegistered(context.newId(), group.getId(), version, ownerOrganisationId,
                group.createdAt, group.state()));
        return group;
    }

    /** Changes the name, members, schedule or hot spot cell size. */
    public void change(Settings settings, EventContext context) {
        apply(settings, context);
        changed("SETTINGS", context);
    }

    /** Adds a known place; its name must be new in the group. */
    public Place addPlace(NewPlace place, String byOrganisationId, EventContext context) {
        requireNewPlaceName(place.name(), null);
        Place added = place.toPlace(context.newId(), context.now(), byOrganisationId);
        places.add(added);
        changed("PLACE_ADDED", context);
        return added;
    }

    /** Renames, moves or retypes a place; entries keep pointing at it. */
    public Place changePlace(UUID placeId, NewPlace changes, EventContext context) {
        Place current = place(placeId).orElseThrow(() -> new PlaceNotFoundException(placeId));
        requireNewPlaceName(changes.name(), placeId);
        Place changed = new Place(placeId, changes.name(), changes.area(), changes.type(), changes.latitude(),
                changes.longitude(), current.addedAt(), current.addedByOrganisationId());
        places.replaceAll(place -> place.placeId().equals(placeId) ? changed : place);
        changed("PLACE_CHANGED", context);
        return changed;
    }

    /** Adds a category of the group's own after the default ones. */
    public Category addCategory(String label, EventContext context) {
        Category category = new Category(Categories.codeFor(label), label.strip(), false);
        requireNewCategory(category);
        categories.add(category);
        changed("CATEGORY_ADDED", context);
        return category;
    }

    public Optional<Place> place(UUID placeId) {
        return places.stream().filter(place -> place.placeId().equals(placeId)).findFirst();
    }

    /** A place of the group by name, case-insensitively. */
    public Optional<Place> placeNamed(String name) {
        String wanted = Place.normalise(name);
        return places.stream().filter(place -> place.normalisedName().equals(wanted)).findFirst();
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(category -> category.code().equals(code)).findFirst();
    }

    public Optional<Member> member(UUID memberId) {
        return members.stream().filter(member -> member.memberId().equals(memberId)).findFirst();
    }

    /** The members whose people sign in as {@code organisationId}. */
    public List<Member> membersOf(String organisationId) {
        return members.stream().filter(member -> organisationId.equals(member.organisationId())).toList();
    }

    public boolean isOwnedBy(String organisationId) {
        return getOrganisationId().equals(organisationId);
    }

    public boolean hasMemberOrganisation(String organisationId) {
        return memberOrganisationIds.contains(organisationId);
    }

    public GroupState state() {
        return new GroupState(name, getOrganisationId(), List.copyOf(memberOrganisationIds), List.copyOf(members),
                List.copyOf(places), List.copyOf(categories), schedule, hotSpotCellMeters);
    }

    private void apply(Settings settings, EventContext context) {
        name = settings.name();
        members = new ArrayList<>();
        Set<String> memberNames = new LinkedHashSet<>();
        for (NewMember member : settings.members()) {
            if (!memberNames.add(Place.normalise(member.name()))) {
                throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "duplicate-member", member.name());
            }
            UUID memberId = member.memberId() != null ? member.memberId() : context.newId();
            members.add(new Member(memberId, member.name(), member.kind(), member.organisationId(), member.contactEmails()));
        }
        Set<String> organisations = new LinkedHashSet<>();
        organisations.add(getOrganisationId());
        members.stream().map(Member::organisationId).filter(id -> id != null).forEach(organisations::add);
        memberOrganisationIds = new ArrayList<>(organisations);
        schedule = settings.schedule();
        hotSpotCellMeters = settings.hotSpotCellMeters();
    }

    private void changed(String change, EventContext context) {
        updatedAt = context.now();
        raise(version -> new GroupChanged(context.newId(), getId(), version, getOrganisationId(), updatedAt, change, state()));
    }

    private void requireNewPlaceName(String placeName, UUID except) {
        placeNamed(placeName).filter(existing -> !existing.placeId().equals(except)).ifPresent(existing -> {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "duplicate-place", existing.name(), existing.placeId());
        });
    }

    private void requireNewCategory(Category category) {
        if (category.code().isEmpty()) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "unusable-category-label", category.label());
        }
        boolean taken = categories.stream().anyMatch(existing -> existing.code().equals(category.code())
                || Place.normalise(existing.label()).equals(Place.normalise(category.label())));
        if (taken) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "duplicate-category", category.label());
        }
    }

    public String getName() {
        return name;
    }

    public List<String> getMemberOrganisationIds() {
        return List.copyOf(memberOrganisationIds);
    }

    public List<Member> getMembers() {
        return List.copyOf(members);
    }

    public List<Place> getPlaces() {
        return List.copyOf(places);
    }

    public List<Category> getCategories() {
        return List.copyOf(categories);
    }

    public MeetingSchedule getSchedule() {
        return schedule;
    }

    public int getHotSpotCellMeters() {
        return hotSpotCellMeters;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** What a coordinator sets: everything but places and categories, which are added one by one. */
    public record Settings(String name, List<NewMember> members, MeetingSchedule schedule, int hotSpotCellMeters) {
    }

    /** A member as sent; without an id it is a new member. */
    public record NewMember(UUID memberId, String name, MemberKind kind, String organisationId, List<String> contactEmails) {
    }

    /** A place as sent. */
    public record NewPlace(String name, String area, PlaceType type, double latitude, double longitude) {

        Place toPlace(UUID id, Instant now, String byOrganisationId) {
            return new Place(id, name, area, type, latitude, longitude, now, byOrganisationId);
        }
    }
}
