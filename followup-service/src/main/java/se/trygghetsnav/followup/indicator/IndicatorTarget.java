package se.trygghetsnav.followup.indicator;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What an indicator series measures: an operational goal (with its SMART baseline and target), or one of a focus
 * area's indicators. Goals and focus areas keep their ids in every revision of a plan series, so a series goes on
 * across revisions. A focus area's indicators have no ids of their own: they are told apart by their text, so
 * rewording an indicator starts a new series rather than mixing two measurements in one.
 */
public record IndicatorTarget(Kind kind, UUID focusAreaId, @Nullable UUID goalId, String text) {

    public enum Kind {
        GOAL, FOCUS_AREA_INDICATOR
    }

    /** The series id: derived from what is measured, so every recording of it lands in the same series. */
    public UUID seriesId() {
        String key = kind == Kind.GOAL ? "indicator|goal|" + goalId
                : "indicator|focus-area|" + focusAreaId + "|" + normalised(text);
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String normalised(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
