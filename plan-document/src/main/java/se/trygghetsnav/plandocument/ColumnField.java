package se.trygghetsnav.plandocument;

/**
 * What a column of a plan table holds. A plan keeps its tables' columns in the source's order with the
 * source's headings, so export can give a board the table it knows.
 */
public enum ColumnField {
    /** The problem, insatsområde or place the row belongs to. */
    PROBLEM,
    CAUSE,
    GOAL,
    /** The measure itself (its title). */
    MEASURE,
    /** How the measure is carried out ("Hur/Åtaganden", "Beskrivning"). */
    MEASURE_DESCRIPTION,
    PURPOSE,
    EXPECTED_RESULT,
    KIND,
    SCHEDULE,
    RESPONSIBLE,
    PARTNERS,
    FOLLOW_UP_CRITERIA,
    /** A column the model has no field for; its values are kept per measure under the column's heading. */
    EXTRA
}
