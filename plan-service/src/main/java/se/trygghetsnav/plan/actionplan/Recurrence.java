package se.trygghetsnav.plan.actionplan;

import java.time.Month;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plandocument.RecurrenceUnit;

/** "2 ggr/veckan" is 2 per WEEK; "1 gång/månaden, uppehåll juli" is 1 per MONTH except JULY. */
public record Recurrence(@Min(1) @Max(1000) int times, @NotNull RecurrenceUnit per,
        @Nullable List<@NotNull Month> exceptMonths) {

    public Recurrence {
        exceptMonths = exceptMonths == null ? List.of() : List.copyOf(exceptMonths);
    }
}
