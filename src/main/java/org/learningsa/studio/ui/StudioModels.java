package org.learningsa.studio.ui;

import org.learningsa.studio.core.AppPaths;
import org.learningsa.studio.core.UserFacingException;

/** The app's model catalog: the weight-free default aligner and the checkpoints in the search folders. */
final class StudioModels {

    private StudioModels() {
    }

    static AlignerCatalog catalog() {
        return new StudioAlignerCatalog(
                () -> {
                    throw new UserFacingException("the default aligner is not merged yet");
                },
                (file, progress, cancel) -> {
                    throw new UserFacingException("checkpoints are not merged yet");
                },
                AppPaths.checkpointSearchDirs());
    }
}
