package se.trygghetsnav.commons.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated bearer token with the {@link Caller} read from it. */
public class CallerAuthentication extends JwtAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.subject());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
