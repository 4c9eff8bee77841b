package org.learningsa.studio.cli;

import java.util.List;
import org.learningsa.studio.apps.style.PatchSettings;
import picocli.CommandLine.Option;

/** The options of the patch method, shared by {@code lsa style} and {@code lsa bench-style}. */
final class PatchOptions {

    static final List<String> NAMES = List.of("--patch-size", "--levels", "--iterations", "--structure-weight",
            "--prior-weight", "--colour-weight", "--uniformity", "--seed");

    @Option(names = "--patch-size", defaultValue = "" + PatchSettings.DEFAULT_PATCH_SIZE, paramLabel = "PIXELS",
            description = "(patches) side of the square patches, odd, 3 to 15: larger carries larger strokes, smaller "
                    + "follows the input's shapes more closely (default: ${DEFAULT-VALUE})")
    int patchSize;

    @Option(names = "--levels", defaultValue = "0", paramLabel = "N",
            description = "(patches) levels of the coarse-to-fine pyramid, 1 to " + PatchSettings.MAX_LEVELS
                    + "; 0 = automatic, down to about " + PatchSettings.MIN_LEVEL_SIDE + " pixels (default: ${DEFAULT-VALUE}); "
                    + "fewer when the exemplar is too small for them")
    int levels;

    @Option(names = "--iterations", defaultValue = "" + PatchSettings.DEFAULT_ITERATIONS, paramLabel = "N",
            description = "(patches) PatchMatch passes, each followed by a vote, per level, 1 to 20 (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--structure-weight", defaultValue = "" + PatchSettings.DEFAULT_STRUCTURE, paramLabel = "W",
            description = "(patches) weight of the input's structure: its blurred lightness and gradients against the "
                    + "exemplar's (default: ${DEFAULT-VALUE})")
    double structure;

    @Option(names = "--prior-weight", defaultValue = "" + PatchSettings.DEFAULT_PRIOR, paramLabel = "W",
            description = "(patches) weight of the correspondence prior: take each patch from near where the point maps "
                    + "in the exemplar, in proportion to the match's confidence; 0 = anywhere that fits (default: ${DEFAULT-VALUE})")
    double prior;

    @Option(names = "--colour-weight", defaultValue = "" + PatchSettings.DEFAULT_COLOUR, paramLabel = "W",
            description = "(patches) weight of coherence in colour with what is synthesised so far: higher gives larger "
                    + "unbroken pieces of the exemplar (default: ${DEFAULT-VALUE})")
    double colour;

    @Option(names = "--uniformity", defaultValue = "" + PatchSettings.DEFAULT_UNIFORMITY, paramLabel = "W",
            description = "(patches) penalty on exemplar patches used more than their fair share, so one patch is not "
                    + "repeated everywhere; 0 = none (default: ${DEFAULT-VALUE})")
    double uniformity;

    @Option(names = "--seed", defaultValue = "" + PatchSettings.DEFAULT_SEED, paramLabel = "N",
            description = "(patches) seed of the random search: the same seed gives the same pixels (default: ${DEFAULT-VALUE})")
    long seed;

    /** @throws IllegalArgumentException naming the value out of range */
    PatchSettings settings(double strength) {
        return new PatchSettings(patchSize, levels, iterations, structure, prior, colour, uniformity, strength, seed);
    }
}
