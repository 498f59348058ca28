package se.trygghetsnav.commons.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the {@link Caller} from a validated JWT. A token without an organisation is refused (401): every
 * piece of data belongs to an organisation, so a caller without one could see nothing safely. Unknown
 * roles are ignored.
 */
public class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String organisation = jwt.getClaimAsString(Caller.ORGANISATION_CLAIM);
        if (organisation == null || organisation.isBlank()) {
            throw new InvalidBearerTokenException("The token names no organisation (claim '" + Caller.ORGANISATION_CLAIM + "')");
        }
        if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
            throw new InvalidBearerTokenException("The token names no subject");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        List<String> claimed = jwt.hasClaim(Caller.ROLES_CLAIM) ? jwt.getClaimAsStringList(Caller.ROLES_CLAIM) : List.of();
        for (String value : claimed) {
            Role.fromClaim(value).ifPresent(roles::add);
        }
        Caller caller = new Caller(jwt.getSubject(), organisation.strip(), jwt.getClaimAsString(Caller.ORG_UNIT_CLAIM), roles);
        return new CallerAuthentication(jwt,
                roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(), caller);
    }
}
