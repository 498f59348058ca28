package se.trygghetsnav.plan.actionplan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An åtgärd: what will be done, by when, and by which units. Units are referenced by id, so renaming a unit
 * changes every plan's view of it.
 *
 * @param dueDate the day it is due (Europe/Stockholm), or null for continuous work
 */
public record Measure(UUID id, String title, String description, LocalDate dueDate, List<UUID> responsibleUnitIds,
        Instant addedAt) {

    public Measure {
        responsibleUnitIds = List.copyOf(responsibleUnitIds);
    }
}
