package org.learningsa.studio.ui.train;

import java.nio.file.Path;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.train.TrainingListener;
import org.learningsa.studio.train.TrainingOutcome;
import org.learningsa.studio.train.TrainingService;
import org.learningsa.studio.train.TrainingSettings;

/**
 * What the panel asks of the trainer: {@link TrainingService}'s two calls, behind an interface so that
 * view-model tests can script a run. The app passes {@link #of(TrainingService)}: there is one
 * training code path, the one {@code lsa train} uses.
 */
public interface TrainingEngine {

    TrainingOutcome train(TrainingSettings settings, TrainingListener listener, CancelToken cancel);

    TrainingOutcome resume(Path runDir, Long maxStepsOverride, TrainingListener listener, CancelToken cancel);

    static TrainingEngine of(TrainingService service) {
        return new TrainingEngine() {
            @Override
            public TrainingOutcome train(TrainingSettings settings, TrainingListener listener, CancelToken cancel) {
                return service.train(settings, listener, cancel);
            }

            @Override
            public TrainingOutcome resume(Path runDir, Long maxStepsOverride, TrainingListener listener, CancelToken cancel) {
                return service.resume(runDir, maxStepsOverride, listener, cancel);
            }
        };
    }
}
