package org.learningsa.studio.eval;

import java.nio.file.Path;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/** Evaluates any {@link Aligner} (the LearningSA network, the weight-free default). */
public record AlignerPairMatcher(Aligner aligner) implements PairMatcher {

    @Override
    public String modelName() {
        return aligner.name();
    }

    @Override
    public PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
        return new AlignmentCorrespondence(aligner.align(source, target, progress, cancel));
    }

    @Override
    public void close() {
        if (aligner instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot release " + aligner.name(), e);
            }
        }
    }
}
