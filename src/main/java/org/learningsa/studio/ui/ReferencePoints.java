package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.learningsa.studio.align.PixelPoint;

/**
 * Keypoints known for a pair from elsewhere (a benchmark's ground truth, sent by the evaluation window),
 * shown over the pair view, numbered as where they came from. They are for looking at, not edits: they
 * change neither the points nor the correspondence.
 *
 * @param source      the source image they belong to
 * @param target      the target image they belong to
 * @param description one line for the user ("ground truth of bbox_test_pairs_pf_pascal.csv row 12")
 * @param points      in original pixels of each image
 */
public record ReferencePoints(Path source, Path target, String description, List<Point> points) {

    /** One keypoint and its ground-truth match; {@code number} as the other window shows it. */
    public record Point(int number, PixelPoint source, PixelPoint target) {
    }

    public ReferencePoints {
        source = source.toAbsolutePath().normalize();
        target = target.toAbsolutePath().normalize();
        Objects.requireNonNull(description);
        points = List.copyOf(points);
    }

    /** Whether these points were made for this pair, in this order. */
    public boolean isFor(Path sourceFile, Path targetFile) {
        return sourceFile != null && targetFile != null && source.equals(sourceFile.toAbsolutePath().normalize())
                && target.equals(targetFile.toAbsolutePath().normalize());
    }
}
