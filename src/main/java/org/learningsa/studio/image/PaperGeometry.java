package org.learningsa.studio.image;

/**
 * The fixed geometry and readout constants of LearningSA as shipped ({@code SFNet(20, 20, beta=100,
 * kernel_sigma=5)} in lab-sun/LearningSA): the network only works at exactly this size (spec §1.1, G13).
 */
public final class PaperGeometry {

    /** Images are squashed to 288×288 = (feature grid − 2)·16 before padding. */
    public static final int RESIZED_SIZE = 288;
    /** Zero padding on every side (before normalisation, so padded pixels become −mean/std). */
    public static final int PAD = 16;
    /** Network input side: 288 + 2·16. */
    public static final int INPUT_SIZE = RESIZED_SIZE + 2 * PAD;
    /** Feature grid side: 20×20 cells (stride-8 features resampled with align_corners=True). */
    public static final int CELLS = 20;
    /** Number of cells of the feature grid. */
    public static final int CELL_COUNT = CELLS * CELLS;
    /**
     * De-padding factor of the keypoint transfer: the grid's inner 18×18 cells are scaled by
     * (20/2)/(20/2 − 1) = 10/9. Geometrically 19/17 would be exact; 10/9 is kept for parity with the paper.
     */
    public static final double DEPAD_FACTOR = 10.0 / 9.0;
    /** Soft-argmax temperature β of the readout. */
    public static final float SOFT_ARGMAX_BETA = 100f;
    /** σ of the Gaussian kernel around the correlation argmax, in cells. */
    public static final float KERNEL_SIGMA = 5f;
    /** eps added inside the sqrt of every L2 normalisation (x / sqrt(Σx² + eps)). */
    public static final float L2_EPS = 1e-6f;
    /** eps of the level-weight sum normalisation a_L = v_L / (Σ v + eps). */
    public static final float LEVEL_WEIGHT_EPS = 1e-6f;
    /** InstanceNorm eps of the enhancement transformer. */
    public static final float INSTANCE_NORM_EPS = 1e-5f;
    /** ImageNet normalisation used by the reference (RGB order). */
    public static final float[] MEAN = {0.485f, 0.456f, 0.406f};
    public static final float[] STD = {0.229f, 0.224f, 0.225f};

    private PaperGeometry() {
    }
}
