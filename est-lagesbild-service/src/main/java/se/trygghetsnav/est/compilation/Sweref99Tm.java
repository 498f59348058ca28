package se.trygghetsnav.est.compilation;

/**
 * WGS 84 latitude/longitude to and from SWEREF 99 TM (EPSG:3006), the Swedish national grid: a transverse
 * Mercator projection on GRS 80 with central meridian 15° E, scale 0.9996 and false easting 500 000 m. Hot
 * spot cells are squares of this grid, like the 250 m and 1 km squares Statistics Sweden (SCB) publishes
 * statistics in, so a GIS can lay them over SCB's grid data.
 *
 * <p>Gauss–Krüger formulas as published by Lantmäteriet; accurate to well below a millimetre within Sweden,
 * far finer than any cell. Plain arithmetic in Java: the embedded MongoDB has no geo support.
 */
public final class Sweref99Tm {

    private static final double AXIS = 6378137.0;
    private static final double FLATTENING = 1.0 / 298.257222101;
    private static final double CENTRAL_MERIDIAN = Math.toRadians(15.0);
    private static final double SCALE = 0.9996;
    private static final double FALSE_NORTHING = 0.0;
    private static final double FALSE_EASTING = 500000.0;

    private static final double E2 = FLATTENING * (2.0 - FLATTENING);
    private static final double N = FLATTENING / (2.0 - FLATTENING);
    private static final double A_ROOF = AXIS / (1.0 + N) * (1.0 + N * N / 4.0 + N * N * N * N / 64.0);

    private Sweref99Tm() {
    }

    /** A point of the grid: northing (x) and easting (y) in metres. */
    public record GridPoint(double northing, double easting) {
    }

    /** A WGS 84 position in decimal degrees. */
    public record LatLon(double latitude, double longitude) {
    }

    public static GridPoint toGrid(double latitude, double longitude) {
        double a = E2;
        double b = (5.0 * E2 * E2 - E2 * E2 * E2) / 6.0;
        double c = (104.0 * Math.pow(E2, 3) - 45.0 * Math.pow(E2, 4)) / 120.0;
        double d = (1237.0 * Math.pow(E2, 4)) / 1260.0;
        double beta1 = N / 2.0 - 2.0 * N * N / 3.0 + 5.0 * Math.pow(N, 3) / 16.0 + 41.0 * Math.pow(N, 4) / 180.0;
        double beta2 = 13.0 * N * N / 48.0 - 3.0 * Math.pow(N, 3) / 5.0 + 557.0 * Math.pow(N, 4) / 1440.0;
        double beta3 = 61.0 * Math.pow(N, 3) / 240.0 - 103.0 * Math.pow(N, 4) / 140.0;
        double beta4 = 49561.0 * Math.pow(N, 4) / 161280.0;

        double phi = Math.toRadians(latitude);
        double lambda = Math.toRadians(longitude);
        double sin = Math.sin(phi);
        double phiStar = phi - sin * Math.cos(phi) * (a + b * sin * sin + c * Math.pow(sin, 4) + d * Math.pow(sin, 6));
        double deltaLambda = lambda - CENTRAL_MERIDIAN;
        double xiPrim = Math.atan(Math.tan(phiStar) / Math.cos(deltaLambda));
        double etaPrim = atanh(Math.cos(phiStar) * Math.sin(deltaLambda));
        double northing = SCALE * A_ROOF * (xiPrim
                + beta1 * Math.sin(2 * xiPrim) * Math.cosh(2 * etaPrim)
                + beta2 * Math.sin(4 * xiPrim) * Math.cosh(4 * etaPrim)
                + beta3 * Math.sin(6 * xiPrim) * Math.cosh(6 * etaPrim)
                + beta4 * Math.sin(8 * xiPrim) * Math.cosh(8 * etaPrim)) + FALSE_NORTHING;
        double easting = SCALE * A_ROOF * (etaPrim
                + beta1 * Math.cos(2 * xiPrim) * Math.sinh(2 * etaPrim)
                + beta2 * Math.cos(4 * xiPrim) * Math.sinh(4 * etaPrim)
                + beta3 * Math.cos(6 * xiPrim) * Math.sinh(6 * etaPrim)
                + beta4 * Math.cos(8 * xiPrim) * Math.sinh(8 * etaPrim)) + FALSE_EASTING;
        return new GridPoint(northing, easting);
    }

    public static LatLon toLatLon(double northing, double easting) {
        double delta1 = N / 2.0 - 2.0 * N * N / 3.0 + 37.0 * Math.pow(N, 3) / 96.0 - Math.pow(N, 4) / 360.0;
        double delta2 = N * N / 48.0 + Math.pow(N, 3) / 15.0 - 437.0 * Math.pow(N, 4) / 1440.0;
        double delta3 = 17.0 * Math.pow(N, 3) / 480.0 - 37.0 * Math.pow(N, 4) / 840.0;
        double delta4 = 4397.0 * Math.pow(N, 4) / 161280.0;
        double aStar = E2 + E2 * E2 + Math.pow(E2, 3) + Math.pow(E2, 4);
        double bStar = -(7.0 * E2 * E2 + 17.0 * Math.pow(E2, 3) + 30.0 * Math.pow(E2, 4)) / 6.0;
        double cStar = (224.0 * Math.pow(E2, 3) + 889.0 * Math.pow(E2, 4)) / 120.0;
        double dStar = -(4279.0 * Math.pow(E2, 4)) / 1260.0;

        double xi = (northing - FALSE_NORTHING) / (SCALE * A_ROOF);
        double eta = (easting - FALSE_EASTING) / (SCALE * A_ROOF);
        double xiPrim = xi
                - delta1 * Math.sin(2 * xi) * Math.cosh(2 * eta)
                - delta2 * Math.sin(4 * xi) * Math.cosh(4 * eta)
                - delta3 * Math.sin(6 * xi) * Math.cosh(6 * eta)
                - delta4 * Math.sin(8 * xi) * Math.cosh(8 * eta);
        double etaPrim = eta
                - delta1 * Math.cos(2 * xi) * Math.sinh(2 * eta)
                - delta2 * Math.cos(4 * xi) * Math.sinh(4 * eta)
                - delta3 * Math.cos(6 * xi) * Math.sinh(6 * eta)
                - delta4 * Math.cos(8 * xi) * Math.sinh(8 * eta);
        double phiStar = Math.asin(Math.sin(xiPrim) / Math.cosh(etaPrim));
        double deltaLambda = Math.atan(Math.sinh(etaPrim) / Math.cos(xiPrim));
        double sin = Math.sin(phiStar);
        double phi = phiStar + sin * Math.cos(phiStar)
                * (aStar + bStar * sin * sin + cStar * Math.pow(sin, 4) + dStar * Math.pow(sin, 6));
        return new LatLon(Math.toDegrees(phi), Math.toDegrees(CENTRAL_MERIDIAN + deltaLambda));
    }

    private static double atanh(double value) {
        return 0.5 * Math.log((1.0 + value) / (1.0 - value));
    }
}
