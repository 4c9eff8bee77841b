package org.learningsa.studio.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One annotated pair of a benchmark, in original pixel coordinates (x right, y down) as the dataset
 * file gives them. Image A is the source, B the target (LearningSA's convention). Coordinates are
 * kept at float32 precision because the reference loads them as float32 tensors; {@code -1, -1}
 * marks a padded (absent) point.
 *
 * @param where             where the pair comes from, for messages ("bbox_test_pairs_pf_pascal.csv row 12")
 * @param sourceName        image A as the dataset file names it
 * @param targetName        image B as the dataset file names it
 * @param sourceImage       resolved file of image A
 * @param targetImage       resolved file of image B
 * @param category          class name ("aeroplane", "car(G)")
 * @param domain            CroDom's domain column ("photo", "painting"), or null
 * @param sourceX           x of A's keypoints
 * @param sourceY           y of A's keypoints
 * @param targetX           x of B's keypoints
 * @param targetY           y of B's keypoints
 * @param keypointIds       per-keypoint semantic ids (SPair {@code kps_ids}), or null: the index is the id
 * @param boundingBoxSide   the dataset's own bbox threshold length in original pixels (PF-PASCAL CSV
 *                          column 7, SPair max side of the target box), or NaN when the dataset has none
 * @param difficulty        SPair-71k's difficulty flags ({@code viewpoint_variation}, {@code scale_variation},
 *                          {@code truncation}, {@code occlusion}); empty for the other benchmarks
 */
public record KeypointPair(String where, String sourceName, String targetName, Path sourceImage, Path targetImage,
                           String category, String domain, double[] sourceX, double[] sourceY,
                           double[] targetX, double[] targetY, int[] keypointIds, double boundingBoxSide,
                           java.util.Map<String, Integer> difficulty) {

    public KeypointPair {
        Objects.requireNonNull(where);
        Objects.requireNonNull(category);
        difficulty = difficulty == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(difficulty));
        if (sourceX.length != sourceY.length || targetX.length != targetY.length) {
            throw new IllegalArgumentException(where + ": x and y lists differ in length");
        }
    }

    /** A pair without difficulty flags (PF-PASCAL, PF-WILLOW, CroDom). */
    public KeypointPair(String where, String sourceName, String targetName, Path sourceImage, Path targetImage,
                        String category, String domain, double[] sourceX, double[] sourceY,
                        double[] targetX, double[] targetY, int[] keypointIds, double boundingBoxSide) {
        this(where, sourceName, targetName, sourceImage, targetImage, category, domain, sourceX, sourceY, targetX, targetY,
                keypointIds, boundingBoxSide, java.util.Map.of());
    }

    /** The number of keypoints listed for A (valid and padded). */
    public int keypointCount() {
        return sourceX.length;
    }

    /** The semantic id of keypoint {@code index}: SPair's kps_id, else the index itself. */
    public int keypointId(int index) {
        return keypointIds != null && index < keypointIds.length ? keypointIds[index] : index;
    }

    @Override
    public String toString() {
        return where + ": " + sourceName + " -> " + targetName + " (" + category + ", " + sourceX.length + " points)";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeypointPair p && where.equals(p.where) && sourceName.equals(p.sourceName)
                && targetName.equals(p.targetName) && Arrays.equals(sourceX, p.sourceX) && Arrays.equals(targetX, p.targetX);
    }

    @Override
    public int hashCode() {
        return Objects.hash(where, sourceName, targetName);
    }
}
