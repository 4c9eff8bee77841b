package org.learningsa.studio.eval;

import java.nio.file.Path;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/** Aligns one benchmark pair (source = image A, target = image B); an adapter over the align service. */
public interface PairMatcher extends AutoCloseable {

    /** The model as the report names it ("LearningSA (best_checkpoint_pascal.pt)", "default (weight-free)"). */
    String modelName();

    PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel);

    /**
     * Before a run: at most {@code images} images will be needed again later at any one time (images in use
     * between their first and last pair), so a model that keeps per-image features can keep them all.
     */
    default void expectImagesInUse(int images) {
    }

    /** The run will not align {@code image} again: its kept features may go. */
    default void imageDone(Path image) {
    }

    /** Images run through the network's encoder since this matcher was opened, or -1 when the model has none. */
    default int imagesEncoded() {
        return -1;
    }

    /** Releases the model (native memory) if this matcher owns it; the default holds nothing. */
    @Override
    default void close() {
    }
}
