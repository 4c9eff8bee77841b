package org.learningsa.studio.eval;

import java.util.List;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;

/**
 * How a run computes PCK.
 *
 * @param benchmark which benchmark (decides the bbox length)
 * @param threshold image-size (288 frame, L = 288) or bbox (original pixels, L per benchmark)
 * @param mapping   paper (spec §3.1, for published numbers) or exact (geometric inverse of resize + pad)
 * @param alphas    the α values, ascending
 */
public record EvaluationSettings(Benchmark benchmark, ThresholdKind threshold, Mapping mapping, List<Double> alphas) {

    /** α of LearningSA's image.py: 0.01, 0.03, 0.05, 0.10, 0.15 (image_willow.py prints the last three). */
    public static final List<Double> PAPER_ALPHAS = List.of(0.01, 0.03, 0.05, 0.10, 0.15);

    /**
     * The evaluation frame of the image-size threshold: (feature 20 − 2)·16 = 288, the network
     * input before padding; keypoints are rescaled to 288×288 and L = 288.
     */
    public static final int IMAGE_SIZE_FRAME = 288;

    public EvaluationSettings {
        if (alphas.isEmpty()) {
            throw new UserFacingException("--alpha needs at least one value");
        }
        for (double alpha : alphas) {
            if (!(alpha > 0 && alpha <= 1)) {
                throw new UserFacingException("α must be in (0, 1], got " + alpha);
            }
        }
        alphas = alphas.stream().sorted().distinct().toList();
    }

    /** LearningSA's own choices: image-size for PF-PASCAL (image.py), bbox for the others (image_willow.py). */
    public static ThresholdKind defaultThreshold(Benchmark benchmark) {
        return benchmark == Benchmark.PF_PASCAL ? ThresholdKind.IMAGE_SIZE : ThresholdKind.BOUNDING_BOX;
    }

    public static EvaluationSettings paperDefaults(Benchmark benchmark) {
        return new EvaluationSettings(benchmark, defaultThreshold(benchmark), Mapping.PAPER, PAPER_ALPHAS);
    }

    /** "0.05", "0.10", "0.125": at least two decimals, as the paper's tables write α. */
    public static String alphaKey(double alpha) {
        java.math.BigDecimal value = java.math.BigDecimal.valueOf(alpha).stripTrailingZeros();
        return value.scale() < 2 ? value.setScale(2).toPlainString() : value.toPlainString();
    }

    /** What L is, in words, for this benchmark and threshold. */
    public String thresholdInWords() {
        if (threshold == ThresholdKind.IMAGE_SIZE) {
            return "image size: keypoints of both images rescaled to the " + IMAGE_SIZE_FRAME + "×" + IMAGE_SIZE_FRAME
                    + " network frame (x·288/W, y·288/H, float32), L = " + IMAGE_SIZE_FRAME;
        }
        return switch (benchmark) {
            case PF_PASCAL -> "bounding box: original pixels, L = the CSV's column 7 (max side of the PASCAL object box)";
            case PF_WILLOW -> "bounding box: original pixels, L = max(x extent, y extent) of the TARGET (image B) keypoints "
                    + "without -1 padding (LearningSA; weakalign/SFNet use image A)";
            case SPAIR -> "bounding box: original pixels, L = max(w, h) of the target box trg_bndbox";
            case CRODOM -> "bounding box: original pixels, L = the CSV's column 7 when present, else the extent of the "
                    + "target keypoints";
        };
    }

    /** The whole convention in words, for every report. */
    public String conventionInWords() {
        String mappingWords = mapping == Mapping.PAPER
                ? "paper mapping (LearningSA image.py, spec §3.1): grid_T2S cropped to its inner 18×18 cells, ×10/9, "
                        + "upsampled bilinearly (align_corners=True) to the target size of the evaluation frame, target "
                        + "keypoints rounded half-to-even, x = W / y = H moved one pixel in, (-1, -1) target points skipped"
                : "exact mapping: target points mapped through the geometric inverse of the resize to 288 and the 16 px pad, "
                        + "bilinear on the full 20×20 grid_T2S";
        return "PCK@α, target → source: each target (image B) keypoint is transferred to the source (image A) with the "
                + "fused grid_T2S; a source keypoint counts as correct when the distance to its prediction is ≤ α·L. "
                + mappingWords + ". Threshold: " + thresholdInWords() + ". Averaging: per pair, the fraction of correct "
                + "points among the source points that are not (-1, -1); the reported PCK is the mean over pairs "
                + "(per-image PCK, as LearningSA and SFNet); pck_per_point is the mean over all points. Values are fractions "
                + "in [0, 1].";
    }
}
