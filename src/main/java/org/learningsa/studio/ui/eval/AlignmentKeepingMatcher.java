package org.learningsa.studio.ui.eval;

import java.nio.file.Path;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.eval.AlignmentCorrespondence;
import org.learningsa.studio.eval.PairCorrespondence;
import org.learningsa.studio.eval.PairMatcher;

/**
 * Passes every alignment of a run on to {@code sink} as well (on the worker), so the window can hand the
 * model's own result to the main window instead of aligning the pair again. Matchers that produce no
 * {@link Alignment} (test oracles) pass nothing.
 */
final class AlignmentKeepingMatcher implements PairMatcher {

    /** Receives (source, target, alignment) of each aligned pair. */
    @FunctionalInterface
    interface Sink {
        void kept(Path source, Path target, Alignment alignment);
    }

    private final PairMatcher inner;
    private final Sink sink;

    AlignmentKeepingMatcher(PairMatcher inner, Sink sink) {
        this.inner = inner;
        this.sink = sink;
    }

    @Override
    public String modelName() {
        return inner.modelName();
    }

    @Override
    public PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
        PairCorrespondence result = inner.align(source, target, progress, cancel);
        if (result instanceof AlignmentCorrespondence aligned) {
            sink.kept(source, target, aligned.alignment());
        }
        return result;
    }

    @Override
    public void expectImagesInUse(int images) {
        inner.expectImagesInUse(images);
    }

    @Override
    public void imageDone(Path image) {
        inner.imageDone(image);
    }

    @Override
    public int imagesEncoded() {
        return inner.imagesEncoded();
    }

    @Override
    public void close() {
        inner.close();
    }
}
