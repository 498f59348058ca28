package se.trygghetsnav.plandocument.xlsx;

import org.jspecify.annotations.Nullable;

/**
 * What reading a workbook found: INFO for what was imported, DOUBTFUL for what a person should check, with the
 * place in the workbook (sheet, row as Excel numbers it, column heading) where there is one.
 */
public record ImportNote(Severity severity, @Nullable String sheet, @Nullable Integer row, @Nullable String column,
        String message) {

    public enum Severity {
        INFO,
        DOUBTFUL
    }

    static ImportNote info(@Nullable String sheet, @Nullable Integer row, @Nullable String column, String message) {
        return new ImportNote(Severity.INFO, sheet, row, column, message);
    }

    static ImportNote doubtful(@Nullable String sheet, @Nullable Integer row, @Nullable String column, String message) {
        return new ImportNote(Severity.DOUBTFUL, sheet, row, column, message);
    }
}
