package se.trygghetsnav.est.group;

/** The kind of place an entry is about; a GIS map can style places by it. */
public enum PlaceType {
    SQUARE,
    BUS_STATION,
    BUS_STOP,
    RAILWAY_STATION,
    SCHOOL_YARD,
    PRESCHOOL,
    STAIRWELL,
    RESIDENTIAL_YARD,
    PARK,
    PLAYGROUND,
    SPORTS_GROUND,
    YOUTH_CENTRE,
    SHOPPING_CENTRE,
    SHOP,
    RESTAURANT_AREA,
    PARKING,
    UNDERPASS,
    WALKWAY,
    STREET,
    BEACH,
    FOREST,
    OTHER
}
