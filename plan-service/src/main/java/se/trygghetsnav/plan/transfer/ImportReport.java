package se.trygghetsnav.plan.transfer;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import se.trygghetsnav.plan.actionplan.PlanSummary.AreaCount;
import se.trygghetsnav.plandocument.xlsx.ImportNote;

/**
 * What an import did, or would do (dry run): the plan's figures per focus area, which units it found in the
 * directory and which it registered, and notes on what a person should check.
 *
 * @param planId the new draft plan; null on a dry run
 */
public record ImportReport(@Nullable UUID planId, String title, boolean dryRun, List<AreaCount> focusAreas,
        AreaCount total, List<String> unitsMatched, List<String> unitsRegistered, List<Note> notes) {

    /**
     * @param severity INFO for what was imported, DOUBTFUL for what a person should check
     * @param sheet, row, column where in a workbook, when the source was one
     */
    public record Note(String severity, @Nullable String sheet, @Nullable Integer row, @Nullable String column,
            String message) {

        public static Note doubtful(String message) {
            return new Note("DOUBTFUL", null, null, null, message);
        }

        /** A note of reading a workbook. */
        public static Note of(ImportNote note) {
            return new Note(note.severity().name(), note.sheet(), note.row(), note.column(), note.message());
        }
    }
}
