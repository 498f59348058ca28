package se.trygghetsnav.est.group;

/**
 * What kind of incident or observation an entry is.
 *
 * @param code stable key in entries, counts and events, e.g. {@code vandalism}
 * @param label the Swedish name people see, e.g. "Skadegörelse (inkl. klotter, krossat glas och brand)"
 * @param builtIn whether it is one of the default categories every group starts with (they cannot be removed)
 */
public record Category(String code, String label, boolean builtIn) {
}
