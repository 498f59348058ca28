package se.trygghetsnav.commons.security;

import java.util.Optional;

/** What a caller may do, from the token's {@code roles} claim. */
public enum Role {

    /** Writes and adopts its organisation's plans, manages follow-up rounds. */
    COORDINATOR,
    /** Reports follow-up for its own unit's measures. */
    UNIT_USER,
    /** Posts and reads entries of the EST groups its organisation belongs to. */
    EST_MEMBER,
    /** Compiles, decides and publishes an EST group's week. */
    EST_COORDINATOR,
    /** Reads its organisation's data. */
    READER;

    /** The Spring Security authority, e.g. {@code ROLE_COORDINATOR}. */
    public String authority() {
        return "ROLE_" + name();
    }

    static Optional<Role> fromClaim(String value) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(value)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
