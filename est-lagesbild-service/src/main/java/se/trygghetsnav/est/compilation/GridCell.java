package se.trygghetsnav.est.compilation;

import java.util.List;

/**
 * A square of the SWEREF 99 TM grid, {@code sizeMeters} on a side, named by its south-west corner, e.g.
 * {@code 250m-N6623750-E698000}: squares of one size never overlap and the same place always falls in the
 * same square.
 */
public record GridCell(int sizeMeters, long northing, long easting) {

    /** The square a WGS 84 position falls in. */
    public static GridCell containing(double latitude, double longitude, int sizeMeters) {
        Sweref99Tm.GridPoint point = Sweref99Tm.toGrid(latitude, longitude);
        long north = (long) Math.floor(point.northing() / sizeMeters) * sizeMeters;
        long east = (long) Math.floor(point.easting() / sizeMeters) * sizeMeters;
        return new GridCell(sizeMeters, north, east);
    }

    public String id() {
        return sizeMeters + "m-N" + northing + "-E" + easting;
    }

    /** The square's centre in WGS 84. */
    public Sweref99Tm.LatLon centre() {
        return Sweref99Tm.toLatLon(northing + sizeMeters / 2.0, easting + sizeMeters / 2.0);
    }

    /**
     * The square's outline as a closed GeoJSON ring of [longitude, latitude] pairs, counter-clockwise from the
     * south-west corner (RFC 7946 winding).
     */
    public List<List<Double>> ring() {
        double[][] corners = {
                { northing, easting }, { northing, easting + sizeMeters }, { northing + sizeMeters, easting + sizeMeters },
                { northing + sizeMeters, easting }, { northing, easting } };
        return java.util.Arrays.stream(corners).map(corner -> {
            Sweref99Tm.LatLon position = Sweref99Tm.toLatLon(corner[0], corner[1]);
            return List.of(round(position.longitude()), round(position.latitude()));
        }).toList();
    }

    static double round(double degrees) {
        return Math.round(degrees * 1e7) / 1e7;
    }
}
