package org.learningsa.studio.eval;

import org.learningsa.studio.data.KeypointPair;

/**
 * The evaluation of one pair, with keypoints in the frame the threshold uses (288×288 for
 * image-size, original pixels for bbox).
 *
 * @param pair            the annotated pair
 * @param sourceWidth     source size in original pixels
 * @param sourceHeight    source size in original pixels
 * @param targetWidth     target size in original pixels
 * @param targetHeight    target size in original pixels
 * @param thresholdLength L (pixels of the evaluation frame)
 * @param sourceX         ground-truth source keypoints, evaluation frame
 * @param sourceY         ground-truth source keypoints, evaluation frame
 * @param targetX         target keypoints, evaluation frame
 * @param targetY         target keypoints, evaluation frame
 * @param predictedX      predicted source keypoints, evaluation frame; NaN where the target point was skipped
 * @param predictedY      predicted source keypoints
 * @param evaluatedPoints N_pts: the first N_pts points are compared (the source points that are not (-1, -1))
 * @param distances       distance of each of the first N_pts predictions to the ground truth, evaluation frame
 * @param pck             per α (settings order): the fraction of the N_pts points within α·L
 */
public record PairResult(KeypointPair pair, int sourceWidth, int sourceHeight, int targetWidth, int targetHeight,
                         double thresholdLength, double[] sourceX, double[] sourceY, double[] targetX, double[] targetY,
                         double[] predictedX, double[] predictedY, int evaluatedPoints, double[] distances, double[] pck) {

    /** Whether point {@code index} (< evaluatedPoints) is within {@code alpha}·L, float32 as the reference compares. */
    public boolean correct(int index, double alpha) {
        return PckMath.withinThreshold(distances[index], thresholdLength, alpha);
    }
}
