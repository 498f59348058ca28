package se.trygghetsnav.est.compilation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class Sweref99TmTest {

    @Test
    void theCentralMeridianLiesOnTheFalseEasting() {
        assertThat(Sweref99Tm.toGrid(62.0, 15.0).easting()).isCloseTo(500000.0, within(0.001));
        assertThat(Sweref99Tm.toGrid(0.0, 15.0).northing()).isCloseTo(0.0, within(0.001));
    }

    @Test
    void stockholmCityHallLiesWhereTheSwedishGridPutsIt() {
        Sweref99Tm.GridPoint cityHall = Sweref99Tm.toGrid(59.3275, 18.0547);

        assertThat(cityHall.northing()).isBetween(6_578_000.0, 6_583_000.0);
        assertThat(cityHall.easting()).isBetween(673_000.0, 674_500.0);
    }

    @Test
    void gridAndGeographicCoordinatesConvertBackAndForthWithinAMillimetreAcrossSweden() {
        double[][] places = { { 55.34, 13.36 }, { 59.7590, 18.7020 }, { 63.8258, 20.2630 }, { 67.8558, 20.2253 }, { 65.58, 24.1 } };
        for (double[] place : places) {
            Sweref99Tm.GridPoint grid = Sweref99Tm.toGrid(place[0], place[1]);
            Sweref99Tm.LatLon back = Sweref99Tm.toLatLon(grid.northing(), grid.easting());
            assertThat(back.latitude()).isCloseTo(place[0], within(1e-8));
            assertThat(back.longitude()).isCloseTo(place[1], within(1e-8));
        }
    }

    @Test
    void gridDistancesMatchDistancesOnTheGroundWithinTheProjectionsScale() {
        double[] torget = { 59.7590, 18.7020 };
        double[] station = { 59.7618, 18.6990 };
        Sweref99Tm.GridPoint a = Sweref99Tm.toGrid(torget[0], torget[1]);
        Sweref99Tm.GridPoint b = Sweref99Tm.toGrid(station[0], station[1]);
        double grid = Math.hypot(a.northing() - b.northing(), a.easting() - b.easting());

        assertThat(grid).isCloseTo(haversine(torget, station), within(haversine(torget, station) * 0.003));
    }

    @Test
    void placesAFewMetresApartShareACellAndTheCellIsNamedByItsSouthWestCorner() {
        GridCell one = GridCell.containing(59.7590, 18.7020, 250);
        GridCell near = GridCell.containing(59.75905, 18.70205, 250);
        GridCell far = GridCell.containing(59.7700, 18.6800, 250);

        assertThat(near).isEqualTo(one);
        assertThat(far).isNotEqualTo(one);
        assertThat(one.northing() % 250).isZero();
        assertThat(one.id()).matches("250m-N\\d{7}-E\\d{6}");
        assertThat(one.ring()).hasSize(5).first().isEqualTo(one.ring().getLast());
        Sweref99Tm.LatLon centre = one.centre();
        assertThat(GridCell.containing(centre.latitude(), centre.longitude(), 250)).isEqualTo(one);
    }

    private static double haversine(double[] a, double[] b) {
        double radius = 6371008.8;
        double dLat = Math.toRadians(b[0] - a[0]);
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a[0])) * Math.cos(Math.toRadians(b[0])) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * radius * Math.asin(Math.sqrt(h));
    }
}
