package se.trygghetsnav.est.group;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A place the group reports about: a square, a bus station, a school yard, a stairwell. Stored with plain
 * WGS 84 coordinates; distances and grid cells are computed in Java (the embedded MongoDB has no geo queries).
 *
 * @param area the district (område, stadsdel) the place belongs to; the weekly counts and the public summary
 *        are given per area
 * @param addedByOrganisationId who added it: the coordinator's organisation, or the member who first reported
 *        at a new place
 */
public record Place(UUID placeId, String name, String area, PlaceType type, double latitude, double longitude,
        Instant addedAt, @Nullable String addedByOrganisationId) {

    /** The name as compared for uniqueness within a group: case and surrounding space do not matter. */
    public String normalisedName() {
        return normalise(name);
    }

    public static String normalise(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
