package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of the model selector: the weight-free default, a LearningSA checkpoint file, or the network with
 * the hashed test weights (a testing aid the CLI offers as {@code --hashed-weights}).
 *
 * @param id         stable key for preferences and the result cache ("default" or the checkpoint's absolute path)
 * @param label      what the selector shows
 * @param checkpoint the checkpoint file, {@code null} for the default aligner and the hashed weights
 */
public record ModelChoice(String id, String label, Path checkpoint) {

    public static final String DEFAULT_ID = "default";
    /** The network with the parity fixtures' untrained weights, as {@code --hashed-weights} runs it. */
    public static final String HASHED_WEIGHTS_ID = "hashed-weights";

    public ModelChoice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
    }

    public static ModelChoice weightFreeDefault() {
        return new ModelChoice(DEFAULT_ID, "Weight-free default (not semantic)", null);
    }

    /** A checkpoint file; one a training run wrote is named by its run (and by its start, when that was untrained). */
    public static ModelChoice checkpoint(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String label = org.learningsa.studio.ui.train.RunCheckpoints.label(absolute)
                .orElse("LearningSA (" + absolute.getFileName() + ")");
        return new ModelChoice(absolute.toString(), label, absolute);
    }

    /** The hashed test weights: untrained, their matches mean nothing; they exercise the whole network path. */
    public static ModelChoice hashedWeights() {
        return new ModelChoice(HASHED_WEIGHTS_ID, "Hashed test weights (testing aid: untrained, not semantic)", null);
    }

    public boolean isDefault() {
        return DEFAULT_ID.equals(id);
    }

    public boolean isHashedWeights() {
        return HASHED_WEIGHTS_ID.equals(id);
    }

    @Override
    public String toString() {
        return label;
    }
}
