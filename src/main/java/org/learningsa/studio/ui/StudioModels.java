package org.learningsa.studio.ui;

import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.torch.StateDict;

/** The app's model catalog: the weight-free default aligner and the checkpoints in the search folders. */
final class StudioModels {

    private StudioModels() {
    }

    static AlignerCatalog catalog() {
        return new StudioAlignerCatalog(DefaultAligner::new, (file, progress, cancel) -> {
            // reading the file checks it (format, pickle, tensors) before anything else
            try (StateDict weights = StateDict.load(file)) {
                throw new UserFacingException(file + " is a readable checkpoint with " + weights.keys().size()
                        + " tensors, but running LearningSA checkpoints is not part of this build yet. "
                        + "Use the weight-free default for now.");
            }
        }, AppPaths.checkpointSearchDirs());
    }
}
