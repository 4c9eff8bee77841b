package org.learningsa.studio.align.dense;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.RgbImage;

/**
 * Turns a coarse correspondence (the network's 20×20 grid, the default aligner's, one corrected by user points)
 * and the two images into a {@link DenseCorrespondence}: a displacement and a confidence at every pixel, both
 * directions.
 *
 * <p>How: coarse to fine over grey-level pyramids, each level a {@link PatchInverseSearch} (DIS-style inverse
 * search on mean-removed patches, PatchMatch-style candidates, edge-aware densification) started from the
 * previous level, with the coarse map (the prior) always one of the candidates. Both directions are computed (in
 * parallel); pixels whose round trip fails are filled from consistent neighbours of similar colour
 * ({@link ConsistencyFill}), and the result falls back to the prior wherever mutually consistent evidence is
 * scarce ({@link EvidenceSupport}), so on two different objects the map stays the coarse, semantic one. Each
 * pixel's confidence is the forward–backward consistency of the final maps, exp(−d²/2σ²) with d the round trip
 * in pixels and σ = {@value #ROUND_TRIP_SIGMA_PIXELS} px: occluded pixels (no true partner) come back elsewhere
 * and get a low confidence.
 */
public final class DenseRefiner {

    /** σ of the round-trip confidence, pixels: a 1-px round trip keeps 0.8, a 3-px one 0.1. */
    public static final double ROUND_TRIP_SIGMA_PIXELS = 1.5;
    private static final int PATCH_SIZE = 8;
    private static final int STRIDE = 3;
    /** The coarsest level keeps at least this many pixels on its shorter side. */
    private static final int MIN_LEVEL_SIDE = 24;
    private static final int MAX_LEVELS = 6;

    private DenseRefiner() {
    }

    /**
     * The refined correspondence of {@code coarse}.
     *
     * @param source the source's pixels (its original size, or the network's downscaled copy of it)
     * @param target the target's pixels
     */
    public static DenseCorrespondence refine(Correspondence coarse, RgbImage source, RgbImage target,
                                             ProgressListener progress, CancelToken cancel) {
        Objects.requireNonNull(coarse, "coarse");
        int levels = Math.min(GreyPyramid.levelsFor(source.width(), source.height(), MIN_LEVEL_SIDE, MAX_LEVELS),
                GreyPyramid.levelsFor(target.width(), target.height(), MIN_LEVEL_SIDE, MAX_LEVELS));
        progress.progress("dense correspondence: pyramids", 0);
        AtomicInteger done = new AtomicInteger();
        int total = 2 * (levels + 1);
        ProgressListener perStep = (stage, fraction) -> progress.progress(stage,
                0.95 * done.incrementAndGet() / total);
        CompletableFuture<Refined> forward = CompletableFuture.supplyAsync(
                () -> oneDirection(coarse, Direction.SOURCE_TO_TARGET, source, target, levels, perStep, cancel));
        Refined backwardRefined;
        Refined forwardRefined;
        try {
            backwardRefined = oneDirection(coarse, Direction.TARGET_TO_SOURCE, target, source, levels, perStep,
                    cancel);
            forwardRefined = forward.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        } catch (CancelledException e) {
            forward.cancel(false);
            throw e;
        }
        cancel.throwIfCancelled();
        progress.progress("dense correspondence: forward-backward check", 0.96);
        FlowField forwardFlow = forwardRefined.flow();
        FlowField backward = backwardRefined.flow();
        FlowField forwardPrior = forwardRefined.prior();
        FlowField backwardPrior = backwardRefined.prior();
        boolean[] forwardOk = ConsistencyFill.consistent(forwardFlow, backward);
        boolean[] backwardOk = ConsistencyFill.consistent(backward, forwardFlow);
        forwardFlow = ConsistencyFill.fill(forwardFlow, forwardOk, colourOf(source));
        backward = ConsistencyFill.fill(backward, backwardOk, colourOf(target));
        float limit = EvidenceSupport.ROUND_TRIP_PIXELS;
        boolean[] forwardSupported = ConsistencyFill.consistent(forwardFlow, backward, limit);
        boolean[] backwardSupported = ConsistencyFill.consistent(backward, forwardFlow, limit);
        forwardFlow = EvidenceSupport.towardsPrior(forwardFlow, forwardSupported, forwardPrior);
        backward = EvidenceSupport.towardsPrior(backward, backwardSupported, backwardPrior);
        DenseFlow sourceToTarget = withConfidence(forwardFlow, backward);
        DenseFlow targetToSource = withConfidence(backward, forwardFlow);
        progress.progress("dense correspondence: done", 1);
        return new DenseCorrespondence(coarse, sourceToTarget, targetToSource);
    }

    /** One direction's refined flow and the coarse prior it started from, both at the image's pixels. */
    private record Refined(FlowField flow, FlowField prior) {
    }

    private static Refined oneDirection(Correspondence coarse, Direction direction, RgbImage from, RgbImage to,
                                          int levels, ProgressListener progress, CancelToken cancel) {
        GreyPyramid fromPyramid = new GreyPyramid(from, levels);
        GreyPyramid toPyramid = new GreyPyramid(to, levels);
        FlowField[] priors = new FlowField[levels];
        priors[0] = CoarsePrior.sample(coarse, direction, from.width(), from.height(), to.width(), to.height());
        for (int level = 1; level < levels; level++) {
            Plane grey = fromPyramid.grey[level];
            priors[level] = priors[level - 1].toCoarserLevel(grey.width, grey.height);
        }
        String name = direction == Direction.SOURCE_TO_TARGET ? "source to target" : "target to source";
        progress.progress("dense correspondence: " + name, -1);
        FlowField flow = priors[levels - 1];
        for (int level = levels - 1; level >= 0; level--) {
            cancel.throwIfCancelled();
            Plane grey = fromPyramid.grey[level];
            if (level < levels - 1) {
                flow = flow.toFinerLevel(grey.width, grey.height);
            }
            PatchInverseSearch.Settings settings = new PatchInverseSearch.Settings(PATCH_SIZE, STRIDE,
                    level == levels - 1 ? 24 : 12);
            flow = new PatchInverseSearch(grey, fromPyramid.gradientX[level], fromPyramid.gradientY[level],
                    toPyramid.grey[level], settings).run(flow, priors[level], cancel);
            progress.progress("dense correspondence: " + name + ", level " + level, -1);
        }
        return new Refined(flow, priors[0]);
    }

    private static Plane[] colourOf(RgbImage image) {
        Plane[] colour = new Plane[3];
        int n = image.width() * image.height();
        byte[] rgb = image.rgb();
        for (int c = 0; c < 3; c++) {
            colour[c] = new Plane(image.width(), image.height());
            for (int i = 0; i < n; i++) {
                colour[c].values[i] = rgb[3 * i + c] & 0xFF;
            }
        }
        return colour;
    }

    /** The planes of {@code forward} with each pixel's round-trip consistency through {@code backward}. */
    private static DenseFlow withConfidence(FlowField forward, FlowField backward) {
        int w = forward.width;
        int h = forward.height;
        float[] confidence = new float[w * h];
        double twoSigma2 = 2 * ROUND_TRIP_SIGMA_PIXELS * ROUND_TRIP_SIGMA_PIXELS;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                float landX = x + forward.dx[i];
                float landY = y + forward.dy[i];
                boolean inside = landX >= -0.5f && landX <= backward.width - 0.5f
                        && landY >= -0.5f && landY <= backward.height - 0.5f;
                float backX = landX + backward.sampleX(landX, landY);
                float backY = landY + backward.sampleY(landX, landY);
                double d2 = (backX - x) * (backX - x) + (backY - y) * (backY - y);
                confidence[i] = inside ? (float) Math.exp(-d2 / twoSigma2) : 0f;
            }
        }
        return new DenseFlow(w, h, forward.dx, forward.dy, confidence);
    }
}
