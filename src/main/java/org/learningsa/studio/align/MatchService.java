package org.learningsa.studio.align;

import java.nio.file.Path;
import java.util.Objects;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;

/**
 * The one code path from two images to matches, used by {@code lsa match} and by the app: pick the
 * aligner (a checkpoint, else the best one found, else the default aligner), align, read the matches of
 * one readout with one mapping and confidence kind, optionally keep the most confident.
 */
public final class MatchService {

    /**
     * What to match.
     *
     * @param checkpoint a LearningSA checkpoint, or {@code null} for the best one found (else the default aligner)
     * @param top        keep only the {@code top} most confident matches; 0 keeps all
     */
    public record Request(Path source, Path target, Path checkpoint, Readout readout, Mapping mapping,
                          ConfidenceKind confidence, int top) {
        public Request {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(readout, "readout");
            Objects.requireNonNull(mapping, "mapping");
            Objects.requireNonNull(confidence, "confidence");
            if (top < 0) {
                throw new IllegalArgumentException("top must not be negative: " + top);
            }
        }
    }

    /** An alignment and the matches read from it. */
    public record Result(Alignment alignment, MatchSet matches, Readout readout, Mapping mapping,
                         ConfidenceKind confidence) {
    }

    private final ModelRegistry registry;

    public MatchService(ModelRegistry registry) {
        this.registry = registry;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** The aligner for a checkpoint, or the best one available when {@code checkpoint} is null. */
    public Aligner alignerFor(Path checkpoint) {
        return checkpoint == null ? registry.bestAligner() : registry.aligner(checkpoint);
    }

    /** Decodes both images, aligns them and reads the matches. */
    public Result match(Request request, ProgressListener progress, CancelToken cancel) {
        DecodedImage source = ImageDecoder.decodeForNetwork(request.source());
        DecodedImage target = ImageDecoder.decodeForNetwork(request.target());
        return match(alignerFor(request.checkpoint()), source, target, request.readout(), request.mapping(),
                request.confidence(), request.top(), progress, cancel);
    }

    /** Aligns two decoded images with a given aligner and reads the matches. */
    public Result match(Aligner aligner, DecodedImage source, DecodedImage target, Readout readout, Mapping mapping,
                        ConfidenceKind confidence, int top, ProgressListener progress, CancelToken cancel) {
        Alignment alignment = aligner.align(source, target, progress, cancel);
        return select(alignment, readout, mapping, confidence, top);
    }

    /** Reads matches from an existing alignment (the app re-reads when the user changes readout or filters). */
    public static Result select(Alignment alignment, Readout readout, Mapping mapping, ConfidenceKind confidence,
                                int top) {
        MatchSet matches = alignment.matches(readout, confidence, mapping);
        if (top > 0) {
            matches = matches.top(top);
        }
        return new Result(alignment, matches, readout, mapping, confidence);
    }
}
