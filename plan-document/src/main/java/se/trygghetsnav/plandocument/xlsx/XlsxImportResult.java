package se.trygghetsnav.plandocument.xlsx;

import java.util.List;

import se.trygghetsnav.plandocument.PlanDocument;

/** A workbook read as a plan document, with notes on what was read and what a person should check. */
public record XlsxImportResult(PlanDocument plan, List<ImportNote> notes) {

    public XlsxImportResult {
        notes = List.copyOf(notes);
    }
}
