package se.trygghetsnav.est.week;

/** What kind of effort an EST meeting decides. */
public enum EffortKind {
    /** Riktad närvaro: police, security guards or field workers present at a place and time. */
    TARGETED_PRESENCE,
    /** Nattvandring. */
    NIGHT_WALK,
    /** Trygghetsvandring: walking a place with residents to find what makes it unsafe. */
    SAFETY_WALK,
    /** Belysning: lighting repaired or added. */
    LIGHTING,
    /** Städning, klottersanering, trimming bushes. */
    CLEAN_UP,
    /** A measure by the property owner: locks, entrances, stairwells. */
    PROPERTY_MEASURE,
    /** Talks with young people, parents, shop owners. */
    DIALOG,
    /** Activities for young people, e.g. an open youth centre evening. */
    YOUTH_ACTIVITY,
    /** Information to residents or staff. */
    INFORMATION,
    OTHER
}
