package org.learningsa.studio.apps.style;

/**
 * The controls of the patch method (guided patch synthesis, {@link PatchSynthesis}).
 *
 * @param patchSize   side of the square patches in pixels, odd, 3 to 15: larger carries larger strokes and
 *                    keeps more of the exemplar's texture, smaller follows the input's structure more closely
 * @param levels      levels of the coarse-to-fine pyramid, 1 to {@link #MAX_LEVELS}; 0 = as many as keep the
 *                    coarsest level at least {@link #MIN_LEVEL_SIDE} pixels on its shorter side
 * @param iterations  PatchMatch passes (each followed by a vote) per level, 1 to 20
 * @param structure   weight of the structure guide: the input's blurred lightness and its gradients against
 *                    the exemplar's (what makes a painted patch match the photo patch of the same content)
 * @param prior       weight of the correspondence prior: a patch should come from near where the input point
 *                    maps in the exemplar, weighted by the correspondence's confidence there (sky from sky)
 * @param colour      weight of coherence in colour: how much a patch must agree with the colours synthesised
 *                    so far (texture optimisation's term); higher gives larger coherent pieces of the exemplar
 * @param uniformity  weight of the penalty on exemplar patches used more often than their fair share, so one
 *                    patch is not repeated everywhere (StyLit's uniform usage)
 * @param strength    0 = the input unchanged, 1 = the full synthesis (blended linearly in between)
 * @param seed        seed of PatchMatch's random search; the same seed gives the same pixels
 */
public record PatchSettings(int patchSize, int levels, int iterations, double structure, double prior,
                            double colour, double uniformity, double strength, long seed) {

    public static final int DEFAULT_PATCH_SIZE = 7;
    public static final int DEFAULT_ITERATIONS = 4;
    public static final double DEFAULT_STRUCTURE = 1.0;
    public static final double DEFAULT_PRIOR = 5.0;
    public static final double DEFAULT_COLOUR = 0.2;
    public static final double DEFAULT_UNIFORMITY = 0.2;
    public static final long DEFAULT_SEED = 1;
    public static final int MAX_LEVELS = 8;
    /** Shorter side of the coarsest level when the level count is automatic. */
    public static final int MIN_LEVEL_SIDE = 32;

    public PatchSettings {
        if (patchSize < 3 || patchSize > 15 || patchSize % 2 == 0) {
            throw new IllegalArgumentException("patch size must be odd, 3 to 15, got " + patchSize);
        }
        if (levels < 0 || levels > MAX_LEVELS) {
            throw new IllegalArgumentException("levels must be 0 (automatic) to " + MAX_LEVELS + ", got " + levels);
        }
        if (iterations < 1 || iterations > 20) {
            throw new IllegalArgumentException("iterations must be 1 to 20, got " + iterations);
        }
        requireRange("structure weight", structure, 0, 100);
        requireRange("prior weight", prior, 0, 100);
        requireRange("colour weight", colour, 0, 100);
        requireRange("uniformity", uniformity, 0, 100);
        requireRange("strength", strength, 0, 1);
        if (structure == 0 && prior == 0 && colour == 0) {
            throw new IllegalArgumentException("the structure, prior and colour weights cannot all be 0");
        }
    }

    public static PatchSettings defaults() {
        return new PatchSettings(DEFAULT_PATCH_SIZE, 0, DEFAULT_ITERATIONS, DEFAULT_STRUCTURE, DEFAULT_PRIOR,
                DEFAULT_COLOUR, DEFAULT_UNIFORMITY, 1.0, DEFAULT_SEED);
    }

    public PatchSettings withStrength(double value) {
        return new PatchSettings(patchSize, levels, iterations, structure, prior, colour, uniformity, value, seed);
    }

    public PatchSettings withSeed(long value) {
        return new PatchSettings(patchSize, levels, iterations, structure, prior, colour, uniformity, strength, value);
    }

    public PatchSettings withPatchSize(int value) {
        return new PatchSettings(value, levels, iterations, structure, prior, colour, uniformity, strength, seed);
    }

    public PatchSettings withIterations(int value) {
        return new PatchSettings(patchSize, levels, value, structure, prior, colour, uniformity, strength, seed);
    }

    public PatchSettings withWeights(double structureWeight, double priorWeight, double colourWeight,
                                     double uniformityWeight) {
        return new PatchSettings(patchSize, levels, iterations, structureWeight, priorWeight, colourWeight,
                uniformityWeight, strength, seed);
    }

    /** Whether two settings synthesise the same full-strength image (only the strength differs). */
    public boolean sameSynthesisAs(PatchSettings other) {
        return withStrength(1).equals(other.withStrength(1));
    }

    private static void requireRange(String name, double value, double min, double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
