package se.trygghetsnav.followup.round;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A measure a round follows up, as it was when the round opened (later changes to the plan do not move it).
 *
 * @param plannedOccurrences for a recurring measure, how many times it was planned in the round's period
 */
public record MeasureInScope(UUID measureId, UUID focusAreaId, UUID problemId, String title, @Nullable LocalDate deadline,
        List<UUID> responsibleUnitIds, List<String> followUpCriteria, @Nullable Integer plannedOccurrences) {

    public MeasureInScope {
        responsibleUnitIds = List.copyOf(responsibleUnitIds);
        followUpCriteria = List.copyOf(followUpCriteria);
    }

    public boolean recurring() {
        return plannedOccurrences != null;
    }
}
