package org.learningsa.studio.eval;

import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.PaperKeypointTransfer;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.KeypointPair;

/** Evaluates one pair: puts the keypoints in the threshold's frame, transfers target → source, counts. */
public final class PckEvaluator {

    private final EvaluationSettings settings;

    public PckEvaluator(EvaluationSettings settings) {
        this.settings = settings;
    }

    public EvaluationSettings settings() {
        return settings;
    }

    /**
     * @throws IllegalArgumentException when the pair cannot be evaluated (no valid keypoint, no bbox
     *                                  length); the message says why and the run skips the pair
     */
    public PairResult evaluate(KeypointPair pair, PairCorrespondence alignment) {
        int sourceWidth = alignment.sourceWidth();
        int sourceHeight = alignment.sourceHeight();
        int targetWidth = alignment.targetWidth();
        int targetHeight = alignment.targetHeight();
        double[] sx = pair.sourceX();
        double[] sy = pair.sourceY();
        double[] tx = pair.targetX();
        double[] ty = pair.targetY();
        int frameSourceWidth = sourceWidth;
        int frameSourceHeight = sourceHeight;
        int frameTargetWidth = targetWidth;
        int frameTargetHeight = targetHeight;
        double thresholdLength;
        if (settings.threshold() == ThresholdKind.IMAGE_SIZE) {
            int frame = EvaluationSettings.IMAGE_SIZE_FRAME;
            int rescaled = PckMath.rescaledPointCount(sx);
            double[][] source = PckMath.rescale(sx, sy, rescaled, sourceWidth, sourceHeight, frame);
            double[][] target = PckMath.rescale(tx, ty, rescaled, targetWidth, targetHeight, frame);
            sx = source[0];
            sy = source[1];
            tx = target[0];
            ty = target[1];
            frameSourceWidth = frame;
            frameSourceHeight = frame;
            frameTargetWidth = frame;
            frameTargetHeight = frame;
            thresholdLength = frame;
        } else {
            thresholdLength = boundingBoxLength(pair);
        }
        int evaluated = PckMath.validPointCount(sx, sy);
        if (evaluated == 0) {
            throw new IllegalArgumentException("no source keypoint that is not (-1, -1)");
        }
        if (evaluated > tx.length) {
            throw new IllegalArgumentException("more source keypoints (" + evaluated + ") than target keypoints (" + tx.length + ")");
        }
        double[][] predicted = settings.mapping() == Mapping.PAPER
                ? paperTransfer(alignment.gridTargetToSource(), tx, ty, frameTargetWidth, frameTargetHeight,
                        frameSourceWidth, frameSourceHeight)
                : exactTransfer(alignment, tx, ty, frameTargetWidth / (double) targetWidth, frameSourceWidth / (double) sourceWidth,
                        frameTargetHeight / (double) targetHeight, frameSourceHeight / (double) sourceHeight);
        double[] distances = PckMath.distances(sx, sy, predicted[0], predicted[1], evaluated);
        double[] pck = new double[settings.alphas().size()];
        for (int a = 0; a < pck.length; a++) {
            pck[a] = PckMath.fraction(distances, thresholdLength, settings.alphas().get(a));
        }
        return new PairResult(pair, sourceWidth, sourceHeight, targetWidth, targetHeight, thresholdLength, sx, sy, tx, ty,
                predicted[0], predicted[1], evaluated, distances, pck);
    }

    private double boundingBoxLength(KeypointPair pair) {
        Benchmark benchmark = settings.benchmark();
        double length;
        if (benchmark == Benchmark.PF_WILLOW || (benchmark == Benchmark.CRODOM && Double.isNaN(pair.boundingBoxSide()))) {
            length = PckMath.keypointExtent(pair.targetX(), pair.targetY());
        } else {
            length = pair.boundingBoxSide();
        }
        if (!(length > 0)) {
            throw new IllegalArgumentException(benchmark == Benchmark.PF_PASCAL
                    ? "no bbox length L_pck (CSV column 7); this CSV only supports --threshold image-size"
                    : "the bbox threshold length is " + length);
        }
        return length;
    }

    /**
     * Spec §3.1 through {@link PaperKeypointTransfer} with the sizes of the evaluation frame (288 for
     * image-size: the reference upsamples the grid to the target size of that frame); NaN where the
     * target point is the (-1, -1) padding.
     */
    private static double[][] paperTransfer(float[] gridT2S, double[] tx, double[] ty, int targetWidth, int targetHeight,
                                            int sourceWidth, int sourceHeight) {
        double[] xs = new double[tx.length];
        double[] ys = new double[tx.length];
        for (int j = 0; j < tx.length; j++) {
            PixelPoint p = PaperKeypointTransfer.transfer(gridT2S, tx[j], ty[j], targetWidth, targetHeight,
                    sourceWidth, sourceHeight);
            xs[j] = p == null ? Double.NaN : p.x();
            ys[j] = p == null ? Double.NaN : p.y();
        }
        return new double[][] {xs, ys};
    }

    /** The exact mapping, done in original pixels: frame → original (÷ scale), map, original → frame (× scale). */
    private static double[][] exactTransfer(PairCorrespondence alignment, double[] tx, double[] ty, double targetScaleX,
                                            double sourceScaleX, double targetScaleY, double sourceScaleY) {
        double[] xs = new double[tx.length];
        double[] ys = new double[tx.length];
        for (int j = 0; j < tx.length; j++) {
            if (Math.rint(tx[j]) == -1 && Math.rint(ty[j]) == -1) {
                xs[j] = Double.NaN;
                ys[j] = Double.NaN;
                continue;
            }
            double[] source = alignment.mapTargetToSourceExact(tx[j] / targetScaleX, ty[j] / targetScaleY);
            xs[j] = source[0] * sourceScaleX;
            ys[j] = source[1] * sourceScaleY;
        }
        return new double[][] {xs, ys};
    }
}
