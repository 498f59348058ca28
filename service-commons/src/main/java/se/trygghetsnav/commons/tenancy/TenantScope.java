package se.trygghetsnav.commons.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import se.trygghetsnav.commons.security.Caller;

/**
 * Whose data the current thread may touch: the caller's organisation during an API request, every
 * organisation's in an explicit system scope (event consumers, background jobs), nothing otherwise.
 */
public final class TenantScope {

    private static final ThreadLocal<Scope> EXPLICIT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** The scope of the current thread: an explicit one, else the authenticated caller's organisation. */
    public static Optional<Scope> current() {
        Scope explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return Caller.current().map(caller -> new Organisation(caller.organisationId()));
    }

    /** Runs work that spans organisations: consumers of events, relays, schedulers. */
    public static void runAsSystem(Runnable work) {
        callIn(new AllOrganisations(), () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAsSystem(Supplier<T> work) {
        return callIn(new AllOrganisations(), work);
    }

    /** Runs work on behalf of one organisation, e.g. a consumer acting for the organisation of an event. */
    public static <T> T callAsOrganisation(String organisationId, Supplier<T> work) {
        return callIn(new Organisation(organisationId), work);
    }

    private static <T> T callIn(Scope scope, Supplier<T> work) {
        Scope previous = EXPLICIT.get();
        EXPLICIT.set(scope);
        try {
            return work.get();
        }
        finally {
            if (previous == null) {
                EXPLICIT.remove();
            }
            else {
                EXPLICIT.set(previous);
            }
        }
    }

    /** A scope: one organisation, or the system. */
    public sealed interface Scope permits Organisation, AllOrganisations {
    }

    /** Only this organisation's documents. */
    public record Organisation(String organisationId) implements Scope {
    }

    /** All organisations' documents; for code that serves no single caller. */
    public record AllOrganisations() implements Scope {
    }
}
