package org.learningsa.studio.align;

import java.nio.file.Path;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * Computes dense correspondences between two images. One implementation per model: the LearningSA
 * network ({@link LearningSaAligner}) and the weight-free {@link DefaultAligner}. Implementations are
 * thread-safe; the front ends call them from worker threads, never from the UI thread.
 */
public interface Aligner {

    /** Shown in the UI, the CLI output, captions and exports. */
    String name();

    /** False when matches follow appearance only (the default aligner), true for a trained model. */
    boolean semantic();

    /** Aligns two decoded images; coordinates of the result are in their original frames. */
    Alignment align(DecodedImage source, DecodedImage target, ProgressListener progress, CancelToken cancel);

    /**
     * Decodes and aligns two image files.
     *
     * @throws org.learningsa.studio.core.UserFacingException when a file cannot be read as an image
     */
    default Alignment align(Path source, Path target, ProgressListener progress, CancelToken cancel) {
        DecodedImage decodedSource = ImageDecoder.decodeForNetwork(source);
        cancel.throwIfCancelled();
        DecodedImage decodedTarget = ImageDecoder.decodeForNetwork(target);
        return align(decodedSource, decodedTarget, progress, cancel);
    }

    /** Aligns two images held in memory (the result's {@link ImageRef#path()} is null). */
    default Alignment align(RgbImage source, RgbImage target, ProgressListener progress, CancelToken cancel) {
        return align(DecodedImage.of(source), DecodedImage.of(target), progress, cancel);
    }

    /** The {@link ImageRef} an alignment reports for a decoded image. */
    static ImageRef refOf(DecodedImage image) {
        return new ImageRef(image.path(), image.originalWidth(), image.originalHeight());
    }
}
