package se.trygghetsnav.commons.security;

import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, from a validated token: the subject, the organisation (a municipality code such as
 * {@code 0188}, or the id of a police area or housing company), optionally the organisational unit, and
 * the roles. Controllers take it as a method parameter.
 */
public record Caller(String subject, String organisationId, @Nullable String orgUnit, Set<Role> roles) {

    /** Token claims: the caller's organisation, unit and roles. */
    public static final String ORGANISATION_CLAIM = "org";
    public static final String ORG_UNIT_CLAIM = "org_unit";
    public static final String ROLES_CLAIM = "roles";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller of the current request, if it is authenticated. */
    public static Optional<Caller> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof CallerAuthentication callerAuthentication
                ? Optional.of(callerAuthentication.caller()) : Optional.empty();
    }

    /** The caller of the current request; fails if there is none. */
    public static Caller required() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No authenticated caller"));
    }
}
