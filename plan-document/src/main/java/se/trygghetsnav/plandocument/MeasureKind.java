package se.trygghetsnav.plandocument;

/** Whether a measure is a one-off effort or part of ordinary work. */
public enum MeasureKind {
    /** Punktinsats: a one-off, targeted effort. */
    POINT_EFFORT,
    /** Ordinarie arbete / linjearbete: part of a unit's ongoing work. */
    ORDINARY_WORK
}
