package se.trygghetsnav.plandocument.xlsx;

import java.util.Objects;
import java.util.function.BiConsumer;

import org.apache.poi.ss.usermodel.Sheet;

/**
 * A sheet a caller adds after the plan's own sheets, e.g. followup-service's "Indikatorer" in the year-end report.
 *
 * @param name the sheet's name; made legal and unlike the workbook's other sheets' as a focus area's name is
 *        (no []:*?/\, at most 31 characters, " (2)" added when taken)
 * @param content writes the sheet's cells; the {@link SheetWriter} writes them in the export's styles
 */
public record ExtraSheet(String name, BiConsumer<Sheet, SheetWriter> content) {

    public ExtraSheet {
        Objects.requireNonNull(content, "content");
        if (name.isBlank()) {
            throw new IllegalArgumentException("An extra sheet needs a name");
        }
    }
}
