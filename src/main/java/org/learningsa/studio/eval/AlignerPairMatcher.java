package org.learningsa.studio.eval;

import java.nio.file.Path;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.LearningSaAligner;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/**
 * Evaluates any {@link Aligner} (the LearningSA network, the weight-free default). For the LearningSA
 * network it sizes the aligner's feature cache for the run and drops an image's features after its last
 * pair, so each image of the benchmark is encoded once; it counts the encodings.
 */
public final class AlignerPairMatcher implements PairMatcher {

    private final Aligner aligner;
    private final boolean ownsAligner;
    private final int encodingsBefore;

    private AlignerPairMatcher(Aligner aligner, boolean ownsAligner) {
        this.aligner = aligner;
        this.ownsAligner = ownsAligner;
        this.encodingsBefore = aligner instanceof LearningSaAligner network ? network.encodings() : 0;
    }

    /** A matcher that closes the aligner when it is closed (the CLI: one model per run). */
    public static AlignerPairMatcher owning(Aligner aligner) {
        return new AlignerPairMatcher(aligner, true);
    }

    /**
     * A matcher over an aligner someone else keeps, e.g. the app's model registry: closing the matcher only
     * gives the feature cache back its interactive size, the model stays loaded.
     */
    public static AlignerPairMatcher shared(Aligner aligner) {
        return new AlignerPairMatcher(aligner, false);
    }

    public Aligner aligner() {
        return aligner;
    }

    @Override
    public String modelName() {
        return aligner.name();
    }

    @Override
    public PairCorrespondence align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
        return new AlignmentCorrespondence(aligner.align(source, target, progress, cancel));
    }

    @Override
    public void expectImagesInUse(int images) {
        if (aligner instanceof LearningSaAligner network) {
            network.reserveFeatureCache(images);
        }
    }

    @Override
    public void imageDone(Path image) {
        if (aligner instanceof LearningSaAligner network) {
            network.forget(image);
        }
    }

    @Override
    public int imagesEncoded() {
        return aligner instanceof LearningSaAligner network ? network.encodings() - encodingsBefore : -1;
    }

    @Override
    public void close() {
        if (aligner instanceof LearningSaAligner network) {
            network.releaseFeatureCache();
        }
        if (ownsAligner && aligner instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot release " + aligner.name(), e);
            }
        }
    }
}
