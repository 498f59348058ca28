package se.trygghetsnav.plandocument;

/** The kinds of "När" a measure can have. */
public enum ScheduleType {
    /** Done by a date. */
    DUE_DATE,
    /** Carried out during a period. */
    PERIOD,
    /** Repeated: "2 ggr/veckan", "1 gång/månaden utom juli", "en gång per termin". */
    RECURRENCE,
    /** Löpande / linjearbete: continuous, with no end. */
    CONTINUOUS
}
