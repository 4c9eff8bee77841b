package org.learningsa.studio.editing;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The content of a points file: the two images (as the points were placed on them) and the points.
 *
 * @param source the source image; its {@code path} is absolute once read (the file stores it relative to itself)
 * @param points in the order the user made them; ids are unique
 */
public record PointsDocument(ImageEntry source, ImageEntry target, List<UserPoint> points) {

    /** The only version written and read. */
    public static final int VERSION = 1;
    /** Stated in every file: the coordinates' frame. */
    public static final String PIXEL_CONVENTION =
            "x right, y down, pixel centres at integers, original image pixels";

    /**
     * One image of the pair.
     *
     * @param path   the image file, or null when the image lives only in memory
     * @param sha256 the hex SHA-256 of the file's bytes ({@link ImageHashes}), or "" when unknown
     */
    public record ImageEntry(Path path, int width, int height, String sha256) {
        public ImageEntry {
            if (width <= 0 || height <= 0) {
                throw new IllegalArgumentException("image size must be positive: " + width + "x" + height);
            }
            sha256 = sha256 == null ? "" : sha256;
        }

        /** Whether (x, y) lies on the image, up to its pixel edge (half a pixel beyond the outer centres). */
        public boolean contains(double x, double y) {
            return x >= -0.5 && y >= -0.5 && x <= width - 0.5 && y <= height - 0.5;
        }
    }

    public PointsDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        points = List.copyOf(points);
        Set<String> ids = new HashSet<>();
        for (UserPoint point : points) {
            if (!ids.add(point.id())) {
                throw new IllegalArgumentException("the point id '" + point.id() + "' is used twice");
            }
        }
    }

    public PointsDocument withPoints(List<UserPoint> newPoints) {
        return new PointsDocument(source, target, newPoints);
    }
}
