package org.learningsa.studio.editing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * The network's correspondence corrected by the user's points, in both directions; what every consumer
 * (morphing, style transfer, figures, exports, match lists) reads once points exist.
 *
 * <h2>Default mode: the network plus a local residual field</h2>
 * At each user point pᵢ (source) with target qᵢ the residual rᵢ = qᵢ − net(pᵢ) is interpolated with
 * Wendland's compactly supported C² radial function ({@link WendlandResidualField}) of radius
 * ρ = {@value #RADIUS_FRACTION} × the longer side of the image the direction starts from (102 px on a
 * 512-px image), and the corrected map is net(p) + r(p). So:
 * <ul>
 *   <li>at every user point the map gives the user's target exactly (to rounding, far below 0.01 px);</li>
 *   <li>farther than ρ from all user points the map is the network's, unchanged — a correction is local,
 *       and where the network is right it is left alone;</li>
 *   <li>between points the correction blends smoothly (C²), with no fold for residuals small against ρ.</li>
 * </ul>
 * We chose a compactly supported basis over a Gaussian (never exactly zero, needs a width too) and over
 * a thin-plate spline of the residual (global: one wrong match dragged into place would bend the whole
 * map, and its affine part extrapolates the residual to the image corners). The target → source
 * direction is corrected the same way from the points read backwards (qᵢ → pᵢ, the network's T2S map).
 *
 * <h2>"Trust my points": a global map from the points alone</h2>
 * For when the network is wrong everywhere (the weight-free default on a hard pair): with 3 or more
 * points not on one line, each direction is the thin-plate spline through the points
 * ({@link ThinPlateSpline}), exact at them, reproducing an affine map exactly, and following its affine
 * part far from the points. The network is not read.
 *
 * <p>Several points at one place would make either system singular, and points a fraction of a pixel
 * apart with different targets make it so ill-conditioned that the map is thrown hundreds of pixels away
 * between them (a double click 0.001 px apart did). Points closer than {@value #SAME_PLACE_PIXELS} px in the
 * image a direction starts from are therefore one place: the later point in the list (the most recent
 * edit) wins, and {@link #replacedPoints} says which were set aside so a front end can tell the user.
 * At most {@link InputLimits#POINTS_MAX_POINTS} points are solved (dense systems: time grows as N³).
 */
public final class CorrectedCorrespondence implements Correspondence {

    /** ρ as a fraction of the longer image side: about 3.6 grid cells, so one wrong network cell and its neighbours. */
    public static final double RADIUS_FRACTION = 0.2;
    /** The fewest points that determine an affine map, so a global map from the points alone. */
    public static final int MIN_TRUSTED_POINTS = 3;
    /**
     * Points closer than this (pixels) are one place (the later one wins): below what a user can mean by two
     * clicks, and far enough apart that the Wendland system stays well conditioned (its smallest eigenvalue
     * shrinks with the square of the gap over ρ).
     */
    public static final double SAME_PLACE_PIXELS = 0.5;
    /** Round trips are measured in grid cells of 1/18 of the longer side, as the network's confidence is. */
    private static final double CELLS_PER_SIDE = 18;

    private final Correspondence network;
    private final List<UserPoint> points;
    private final boolean trustPoints;
    private final Map<Direction, PointInterpolant> fields = new EnumMap<>(Direction.class);

    private CorrectedCorrespondence(Correspondence network, List<UserPoint> points, boolean trustPoints) {
        this.network = network;
        this.points = List.copyOf(points);
        this.trustPoints = trustPoints;
        for (Direction direction : Direction.values()) {
            fields.put(direction, trustPoints ? spline(direction) : residual(direction));
        }
    }

    /**
     * The network's correspondence corrected by the points; the network's own when there are none.
     *
     * @param trustPoints use the global map from the points alone (needs {@link #MIN_TRUSTED_POINTS} points
     *                    not all on one line)
     * @throws UserFacingException when {@code trustPoints} is asked for with points that cannot carry it
     */
    public static Correspondence of(Correspondence network, List<UserPoint> points, boolean trustPoints) {
        Objects.requireNonNull(network, "network");
        if (points.isEmpty()) {
            return network;
        }
        if (points.size() > InputLimits.POINTS_MAX_POINTS) {
            throw new UserFacingException(String.format(Locale.ROOT,
                    "%,d points are more than the %,d one correction solves (its time grows as the cube of the count)",
                    points.size(), InputLimits.POINTS_MAX_POINTS));
        }
        return new CorrectedCorrespondence(network, points, trustPoints);
    }

    /**
     * Whether "trust my points" can be used with these points: 3 or more at distinct places, not all on one
     * line, in both images — exactly when the thin-plate systems have a solution. Cheap (no solve), so the
     * UI can ask after every edit.
     */
    public static boolean canTrust(List<UserPoint> points, ImageRef source, ImageRef target) {
        return spreadInThePlane(starts(distinct(points, Direction.SOURCE_TO_TARGET), Direction.SOURCE_TO_TARGET),
                longerSide(source))
                && spreadInThePlane(starts(distinct(points, Direction.TARGET_TO_SOURCE), Direction.TARGET_TO_SOURCE),
                longerSide(target));
    }

    /** 3 or more points whose scatter has two non-vanishing principal axes (not all on one line). */
    private static boolean spreadInThePlane(List<PixelPoint> points, double scale) {
        if (points.size() < MIN_TRUSTED_POINTS) {
            return false;
        }
        double mx = points.stream().mapToDouble(PixelPoint::x).average().orElse(0);
        double my = points.stream().mapToDouble(PixelPoint::y).average().orElse(0);
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (PixelPoint p : points) {
            double dx = (p.x() - mx) / scale;
            double dy = (p.y() - my) / scale;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }
        double trace = sxx + syy;
        // det / trace² is the product of the two axes' shares: 0 on a line; 1e-6 is a 0.1 % thin ellipse
        return trace > 0 && (sxx * syy - sxy * sxy) / (trace * trace) > 1e-6;
    }

    public Correspondence network() {
        return network;
    }

    public List<UserPoint> points() {
        return points;
    }

    public boolean trustPoints() {
        return trustPoints;
    }

    /** ρ in pixels of the image the direction starts from (the default mode's reach of one point). */
    public double radiusPixels(Direction direction) {
        return RADIUS_FRACTION * longerSide(from(direction));
    }

    @Override
    public ImageRef source() {
        return network.source();
    }

    @Override
    public ImageRef target() {
        return network.target();
    }

    @Override
    public PixelPoint map(Direction direction, double x, double y) {
        double[] value = fields.get(direction).at(x, y);
        if (!trustPoints) {
            PixelPoint base = network.map(direction, x, y);
            value[0] += base.x();
            value[1] += base.y();
        }
        ImageRef to = to(direction);
        return new PixelPoint(clampToEdge(value[0], to.width()), clampToEdge(value[1], to.height()));
    }

    /**
     * Default mode: the network's confidence, raised towards 1 near user points (1 at a point, the
     * network's again at ρ). Trust mode: forward–backward consistency of the two splines, exp(−d²/2) with d
     * the round trip in cells of 1/18 of the longer side, as the network's own.
     */
    @Override
    public double confidence(Direction direction, double x, double y) {
        if (!trustPoints) {
            double support = ((WendlandResidualField) fields.get(direction)).support(x, y);
            return Math.max(network.confidence(direction, x, y), support);
        }
        PixelPoint there = map(direction, x, y);
        PixelPoint back = map(direction.reverse(), there.x(), there.y());
        double cells = Math.hypot(back.x() - x, back.y() - y) / (longerSide(from(direction)) / CELLS_PER_SIDE);
        return Math.exp(-0.5 * cells * cells);
    }

    /**
     * How strongly the user's points act at (x, y): in the default mode 1 at a point falling to 0 at ρ,
     * in trust mode the splines' consistency ({@link #confidence}) everywhere.
     */
    double userSupport(Direction direction, double x, double y) {
        if (trustPoints) {
            return confidence(direction, x, y);
        }
        return ((WendlandResidualField) fields.get(direction)).support(x, y);
    }

    @Override
    public String description() {
        String count = points.size() == 1 ? "1 user point" : points.size() + " user points";
        if (trustPoints) {
            return network.description() + " replaced by " + count + " (trusted, thin-plate spline)";
        }
        return network.description() + String.format(Locale.ROOT, ", corrected by %s (radius %.0f px)", count,
                radiusPixels(Direction.SOURCE_TO_TARGET));
    }

    /** True in trust mode: the user matched the points by meaning, whatever model ran. */
    @Override
    public boolean semantic() {
        return trustPoints || network.semantic();
    }

    private PointInterpolant residual(Direction direction) {
        List<UserPoint> distinct = distinct(points, direction);
        List<PixelPoint> starts = starts(distinct, direction);
        List<PixelPoint> ends = ends(distinct, direction);
        List<double[]> residuals = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            PixelPoint net = network.map(direction, starts.get(i).x(), starts.get(i).y());
            residuals.add(new double[] {ends.get(i).x() - net.x(), ends.get(i).y() - net.y()});
        }
        return new WendlandResidualField(starts, residuals, radiusPixels(direction));
    }

    private PointInterpolant spline(Direction direction) {
        List<UserPoint> distinct = distinct(points, direction);
        ThinPlateSpline spline = ThinPlateSpline.fit(starts(distinct, direction), ends(distinct, direction),
                longerSide(from(direction)));
        if (spline == null) {
            throw new UserFacingException("\"trust my points\" needs at least " + MIN_TRUSTED_POINTS
                    + " points at different places, not all on one line (" + distinct.size() + " given)");
        }
        return spline;
    }

    /**
     * A point set aside because a later one lies within {@link #SAME_PLACE_PIXELS} of it in the image
     * {@code direction} starts from.
     */
    public record Replaced(UserPoint earlier, UserPoint later, Direction direction, double distancePixels) {
    }

    /** Which points the correction sets aside, in both directions (empty when all are at distinct places). */
    public static List<Replaced> replacedPoints(List<UserPoint> points) {
        List<Replaced> replaced = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            List<UserPoint> kept = new ArrayList<>();
            for (UserPoint point : points) {
                PixelPoint start = start(point, direction);
                kept.removeIf(earlier -> {
                    double distance = start(earlier, direction).distance(start);
                    if (distance < SAME_PLACE_PIXELS) {
                        replaced.add(new Replaced(earlier, point, direction, distance));
                        return true;
                    }
                    return false;
                });
                kept.add(point);
            }
        }
        return replaced;
    }

    /** The points with distinct starts in this direction, the later one kept where two share a place. */
    private static List<UserPoint> distinct(List<UserPoint> points, Direction direction) {
        List<UserPoint> kept = new ArrayList<>();
        for (UserPoint point : points) {
            PixelPoint start = start(point, direction);
            kept.removeIf(earlier -> start(earlier, direction).distance(start) < SAME_PLACE_PIXELS);
            kept.add(point);
        }
        return kept;
    }

    private static PixelPoint start(UserPoint point, Direction direction) {
        return direction == Direction.SOURCE_TO_TARGET ? point.source() : point.target();
    }

    private static List<PixelPoint> starts(List<UserPoint> points, Direction direction) {
        return points.stream().map(p -> start(p, direction)).toList();
    }

    private static List<PixelPoint> ends(List<UserPoint> points, Direction direction) {
        return points.stream().map(p -> start(p, direction.reverse())).toList();
    }

    private ImageRef from(Direction direction) {
        return direction == Direction.SOURCE_TO_TARGET ? network.source() : network.target();
    }

    private ImageRef to(Direction direction) {
        return direction == Direction.SOURCE_TO_TARGET ? network.target() : network.source();
    }

    private static double longerSide(ImageRef image) {
        return Math.max(image.width(), image.height());
    }

    /** Into the image up to its pixel edge, where user points may lie (see {@link PointsDocument.ImageEntry#contains}). */
    private static double clampToEdge(double coordinate, int size) {
        return Math.max(-0.5, Math.min(size - 0.5, coordinate));
    }
}
