package se.trygghetsnav.est.week;

/** When in the day something happened, as precisely as EST asks: a band, never an exact time. */
public enum TimeBand {
    /** 00–06, natt. */
    NIGHT,
    /** 06–12, förmiddag. */
    MORNING,
    /** 12–18, eftermiddag. */
    AFTERNOON,
    /** 18–24, kväll. */
    EVENING
}
