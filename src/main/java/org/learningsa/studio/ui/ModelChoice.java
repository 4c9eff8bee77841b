package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of the model selector: the weight-free default or a LearningSA checkpoint file.
 *
 * @param id         stable key for preferences and the result cache ("default" or the checkpoint's absolute path)
 * @param label      what the selector shows
 * @param checkpoint the checkpoint file, {@code null} for the default aligner
 */
public record ModelChoice(String id, String label, Path checkpoint) {

    public static final String DEFAULT_ID = "default";

    public ModelChoice {
        Objects.requireNonNull(id);
        Objects.requireNonNull(label);
    }

    public static ModelChoice weightFreeDefault() {
        return new ModelChoice(DEFAULT_ID, "Weight-free default (not semantic)", null);
    }

    public static ModelChoice checkpoint(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return new ModelChoice(absolute.toString(), "LearningSA (" + absolute.getFileName() + ")", absolute);
    }

    public boolean isDefault() {
        return checkpoint == null;
    }

    @Override
    public String toString() {
        return label;
    }
}
