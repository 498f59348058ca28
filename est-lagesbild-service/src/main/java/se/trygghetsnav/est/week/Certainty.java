package se.trygghetsnav.est.week;

/** Whether the reporter saw it themselves or suspects it (heard of it, signs of it). */
public enum Certainty {
    OBSERVED,
    SUSPECTED
}
