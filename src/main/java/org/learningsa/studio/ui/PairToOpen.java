package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.Objects;
import org.learningsa.studio.align.Alignment;

/**
 * A pair another window asks the main window to show as it saw it: which images, with which model, its
 * result when that is still at hand (else the main window aligns the pair again, in the background), and
 * the keypoints to show over it.
 *
 * @param alignment the model's result for exactly this pair, or null when it was not kept
 * @param points    keypoints to show, or null
 */
public record PairToOpen(Path source, Path target, ModelChoice model, Alignment alignment, ReferencePoints points) {

    public PairToOpen {
        Objects.requireNonNull(source);
        Objects.requireNonNull(target);
        Objects.requireNonNull(model);
    }
}
