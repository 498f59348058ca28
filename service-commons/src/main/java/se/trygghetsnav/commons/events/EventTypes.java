package se.trygghetsnav.commons.events;

import java.util.regex.Pattern;

/** The naming rule of event types (conventions.md). */
public final class EventTypes {

    private static final Pattern WELL_FORMED =
            Pattern.compile("se\\.trygghetsnav\\.[a-z]+(-[a-z]+)*\\.[a-z]+(-[a-z]+)*\\.v[1-9][0-9]*");

    private EventTypes() {
    }

    /** Whether {@code type} reads {@code se.trygghetsnav.<area>.<event-name>.v<N>}, names in kebab-case. */
    public static boolean isWellFormed(String type) {
        return type != null && WELL_FORMED.matcher(type).matches();
    }
}
