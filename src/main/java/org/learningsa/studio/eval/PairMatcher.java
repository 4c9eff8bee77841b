package org.learningsa.studio.eval;

import java.nio.file.Path;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/** Aligns one benchmark pair (source = image A, target = image B); an adapter over the align service. */
public interface PairMatcher extends AutoCloseable {

    /** The model as the report names it ("LearningSA (best_checkpoint_pascal.pt)", "default (weight-free)"). */
    String modelName();

    PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel);

    /** Releases the model (native memory); the default holds nothing. */
    @Override
    default void close() {
    }
}
