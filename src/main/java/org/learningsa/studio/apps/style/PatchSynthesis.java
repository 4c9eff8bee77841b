package org.learningsa.studio.apps.style;

import java.util.Locale;
import java.util.stream.IntStream;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.NearestNeighbourField;
import org.learningsa.studio.image.PatchMatch;
import org.learningsa.studio.image.RgbImage;

/**
 * Guided patch synthesis: the output is made of the exemplar's own patches (its strokes, texture and
 * colours) arranged in the input's layout, in the spirit of Image Analogies (Hertzmann et al. 2001),
 * StyLit (Fišer et al. 2016) and Deep Image Analogy's reconstruction (Liao et al. 2017).
 *
 * <p>For every output pixel a nearest-neighbour field picks an exemplar patch minimising
 * <pre>
 *   E = structure · |guide_input − guide_exemplar|²          (blurred lightness and gradients, per patch pixel)
 *     + structure · CHROMA_GAIN · confidence · |ab_guide − ab_exemplar|²   (blurred colours against the colour
 *                                                               method's result; on the coarser levels)
 *     + colour    · |output so far − exemplar colours|²       (coherence, texture optimisation)
 *     + prior     · confidence · PRIOR_COST · min(1, d²/σ²)    (d: distance from where the correspondence maps)
 *     + uniformity · USAGE_COST · overuse of that patch        (StyLit's uniform use of the exemplar)
 * </pre>
 * found by PatchMatch, then every pixel is the average of the exemplar pixels the overlapping patches vote
 * for; coarse to fine, starting from the correspondence itself (made precise by {@link PriorRegulariser}).
 * The last vote reads the exemplar at the prior's sub-pixel positions where the match agrees with a confident
 * prior. Deterministic for a seed.
 */
public final class PatchSynthesis {

    /** The prior's cost once a patch is σ or more from the mapped point: that of a 10 Lab-unit mismatch. */
    static final float PRIOR_COST = 100f;
    /**
     * σ of the prior as a fraction of the exemplar's longer side (4 pixels at 256; beyond σ the prior's cost is
     * flat, so the structure decides among far patches). Swept on known-truth cases (Kuwahara, posterize and
     * ImageMagick -paint of the samples, the exemplar moved by an affine map), through the exact map and through
     * the default aligner: 0.1 lets patches drift along similar structure (PSNR 0.5–1.5 dB lower); 0.015 beat
     * 0.03 in grey SSIM on every case, through both maps. Below about 2 pixels the prior turns flat even at
     * the nearest whole pixel and stops guiding.
     */
    static final double PRIOR_RADIUS = 0.015;
    /**
     * The agreement of the images ({@link CorrespondencePrior#agreement}) from which the last vote may read a
     * patch along the prior: reading along a map between different things (a photo and The Scream through
     * an appearance-based aligner) smears the exemplar's strokes like liquid.
     */
    static final float FOLLOWING_AGREEMENT = 0.8f;
    /** The prior's confidence from which the last vote takes its sub-pixel position (see followingThePrior). */
    static final float SUB_PIXEL_CONFIDENCE = 0.3f;
    /** The overuse penalty per fair share beyond the first, capped at four shares. */
    static final float USAGE_COST = 20f;
    private static final float MAX_OVERUSE = 4f;
    /**
     * An exemplar whose content is larger than the input's (more exemplar pixels per input pixel, as the map
     * says) is shrunk to the input's scale, so a patch covers the same content on both sides and the
     * structure guides compare like with like; beyond 1.25 only, since resampling also softens the strokes.
     * Never above 2048 pixels on its longer side (memory and search time).
     */
    static final double MAX_EXEMPLAR_SCALE = 1.25;
    static final int MAX_EXEMPLAR_SIDE = 2048;
    /**
     * Blur of the structure guide (box radius, applied twice: σ ≈ 0.8 px). Enough to equate a photo's grain
     * with a painted dab; a radius of 2 cost 1–2 dB on the known-truth cases by blurring away the edges.
     */
    private static final int GUIDE_BLUR = 1;

    private PatchSynthesis() {
    }

    /** The smallest exemplar side the patch method accepts for a patch size. */
    public static int minimumExemplarSide(int patchSize) {
        return 2 * patchSize;
    }

    /**
     * The full-strength synthesis at the input's size.
     *
     * @param prior where the input's points map into {@code exemplar} (pixels of that image), with confidence
     * @throws IllegalArgumentException when the exemplar is too small for the patch size
     */
    static RgbImage synthesise(RgbImage input, RgbImage exemplar, RgbImage chromaGuide, CorrespondencePrior prior,
                               PatchSettings settings, ProgressListener progress, CancelToken cancel) {
        int minSide = minimumExemplarSide(settings.patchSize());
        if (Math.min(exemplar.width(), exemplar.height()) < minSide) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the exemplar is %dx%d pixels; the patch method needs at least %d on each side with %dx%d patches",
                    exemplar.width(), exemplar.height(), minSide, settings.patchSize(), settings.patchSize()));
        }
        double scale = prior.exemplarPixelsPerInputPixel(input.width(), input.height(),
                (double) Math.max(exemplar.width(), exemplar.height()) / Math.max(input.width(), input.height()));
        RgbImage usedExemplar = toInputScale(exemplar, scale, minSide);
        int levels = levelCount(input, usedExemplar, settings);
        PatchLevel.Normalisation normalisation = PatchLevel.Normalisation.of(LabImage.fromRgb(input),
                LabImage.fromRgb(usedExemplar));
        double totalWork = 0;
        for (int level = 0; level < levels; level++) {
            totalWork += (double) scaled(input.width(), level) * scaled(input.height(), level);
        }
        double done = 0;
        NearestNeighbourField field = null;
        PatchLevel previous = null;
        float[] output = null;
        for (int level = levels - 1; level >= 0; level--) {
            cancel.throwIfCancelled();
            // the chroma guide decides which region a patch comes from, settled on the coarser levels; at the
            // finest, coherence with the colours carried up keeps it, and the level costs 40 % less without it
            int width = scaled(input.width(), level);
            int height = scaled(input.height(), level);
            int exWidth = scaled(usedExemplar.width(), level);
            int exHeight = scaled(usedExemplar.height(), level);
            float[][] mapped = prior.atLevel(width, height, exemplar.width(), exemplar.height(), exWidth, exHeight);
            PatchLevel current = PatchLevel.build(input, usedExemplar, level > 0 ? chromaGuide : null, mapped[2],
                    width, height, exWidth, exHeight, GUIDE_BLUR, normalisation);
            field = previous == null ? fromPrior(current, mapped, settings.patchSize())
                    : upsampled(field, previous, current, settings.patchSize());
            output = vote(field, current, settings.patchSize(), cancel);
            double levelWork = (double) current.width() * current.height();
            for (int iteration = 0; iteration < settings.iterations(); iteration++) {
                String stage = String.format(Locale.ROOT, "patch synthesis, level %d of %d, pass %d of %d",
                        levels - level, levels, iteration + 1, settings.iterations());
                progress.progress(stage, (done + levelWork * iteration / settings.iterations()) / totalWork);
                LevelCost cost = new LevelCost(current, mapped, output, usage(field, current), settings);
                PatchMatch.evaluate(field, cost, cancel);
                PatchMatch.pass(field, bounds(current, settings.patchSize()), cost,
                        new PatchMatch.Hints(mapped[0], mapped[1], hintRadius(current)),
                        settings.seed(), level * 64 + iteration, cancel);
                output = vote(field, current, settings.patchSize(), cancel);
            }
            done += levelWork;
            previous = current;
            if (level == 0 && settings.prior() > 0) {
                boolean[] following = followingThePrior(field, mapped, hintRadius(current));
                output = vote(field, following, mapped, current, settings.patchSize(), cancel);
            }
        }
        progress.progress("patch synthesis", 1.0);
        return toRgb(output, input.width(), input.height());
    }

    /** The exemplar brought to the input's scale (see {@link #MAX_EXEMPLAR_SCALE}), never below {@code minSide}. */
    static RgbImage toInputScale(RgbImage exemplar, double exemplarPixelsPerInputPixel, int minSide) {
        int longer = Math.max(exemplar.width(), exemplar.height());
        double shrink = exemplarPixelsPerInputPixel > MAX_EXEMPLAR_SCALE ? 1 / exemplarPixelsPerInputPixel : 1;
        shrink = Math.min(shrink, (double) MAX_EXEMPLAR_SIDE / longer);
        shrink = Math.max(shrink, (double) minSide / Math.min(exemplar.width(), exemplar.height()));
        if (shrink >= 1) {
            return exemplar;
        }
        return AreaResize.resize(exemplar, Math.max(1, (int) Math.round(exemplar.width() * shrink)),
                Math.max(1, (int) Math.round(exemplar.height() * shrink)));
    }

    static int levelCount(RgbImage input, RgbImage exemplar, PatchSettings settings) {
        int wanted = settings.levels() == 0 ? PatchSettings.MAX_LEVELS : settings.levels();
        int minSide = settings.levels() == 0 ? PatchSettings.MIN_LEVEL_SIDE : 1;
        int exemplarMin = minimumExemplarSide(settings.patchSize());
        int levels = 1;
        while (levels < wanted) {
            int next = levels;
            boolean inputFits = Math.min(scaled(input.width(), next), scaled(input.height(), next)) >= minSide;
            boolean exemplarFits = Math.min(scaled(exemplar.width(), next), scaled(exemplar.height(), next))
                    >= Math.max(minSide, exemplarMin);
            if (!inputFits || !exemplarFits) {
                break;
            }
            levels++;
        }
        return levels;
    }

    static int scaled(int size, int level) {
        return Math.max(1, (int) Math.round(size / Math.pow(2, level)));
    }

    private static PatchMatch.Bounds bounds(PatchLevel level, int patchSize) {
        int r = patchSize / 2;
        return new PatchMatch.Bounds(r, r, level.exemplarWidth() - 1 - r, level.exemplarHeight() - 1 - r);
    }

    /** Random search around the mapped point spans the prior's σ. */
    private static int hintRadius(PatchLevel level) {
        return Math.max(1, (int) Math.round(PRIOR_RADIUS * Math.max(level.exemplarWidth(), level.exemplarHeight())));
    }

    /** The coarsest level starts where the correspondence points. */
    private static NearestNeighbourField fromPrior(PatchLevel level, float[][] mapped, int patchSize) {
        PatchMatch.Bounds bounds = bounds(level, patchSize);
        NearestNeighbourField field = new NearestNeighbourField(level.width(), level.height());
        for (int i = 0; i < mapped[0].length; i++) {
            field.sourceX()[i] = clamp(Math.round(mapped[0][i]), bounds.minX(), bounds.maxX());
            field.sourceY()[i] = clamp(Math.round(mapped[1][i]), bounds.minY(), bounds.maxY());
        }
        return field;
    }

    /** A coarse field carried to the next finer level: each pixel keeps its parent's match, shifted by its offset. */
    private static NearestNeighbourField upsampled(NearestNeighbourField coarse, PatchLevel from, PatchLevel to,
                                                   int patchSize) {
        PatchMatch.Bounds bounds = bounds(to, patchSize);
        NearestNeighbourField field = new NearestNeighbourField(to.width(), to.height());
        double outScaleX = (double) to.width() / from.width();
        double outScaleY = (double) to.height() / from.height();
        double exScaleX = (double) to.exemplarWidth() / from.exemplarWidth();
        double exScaleY = (double) to.exemplarHeight() / from.exemplarHeight();
        for (int y = 0; y < to.height(); y++) {
            int cy = Math.min(from.height() - 1, (int) (y / outScaleY));
            double offsetY = y - (cy + 0.5) * outScaleY + 0.5;
            for (int x = 0; x < to.width(); x++) {
                int cx = Math.min(from.width() - 1, (int) (x / outScaleX));
                double offsetX = x - (cx + 0.5) * outScaleX + 0.5;
                int c = cy * from.width() + cx;
                int i = y * to.width() + x;
                field.sourceX()[i] = clamp((int) Math.round((coarse.sourceX()[c] + 0.5) * exScaleX - 0.5 + offsetX),
                        bounds.minX(), bounds.maxX());
                field.sourceY()[i] = clamp((int) Math.round((coarse.sourceY()[c] + 0.5) * exScaleY - 0.5 + offsetY),
                        bounds.minY(), bounds.maxY());
            }
        }
        return field;
    }

    /**
     * The prior's weight per pixel: the correspondence's confidence, doubled where the images were found to
     * agree around the point (its agreement): there the map is confirmed by the pixels themselves, so a patch
     * should come from where it points; between different things (a photo and The Scream) the confidence
     * alone, as the correspondence gives it. Measured on the known-truth cases through the default aligner:
     * +0.2 to +1 dB on ImageMagick {@code -paint}, where doubling the weight everywhere instead brought
     * pieces of the painting's water and sky onto the horse of the photo–Scream pair.
     */
    static float[] priorTrust(float[] confidence, float[] agreement) {
        float[] trust = new float[confidence.length];
        for (int i = 0; i < trust.length; i++) {
            trust[i] = confidence[i] * (1 + Math.max(0f, Math.min(1f, agreement[i])));
        }
        return trust;
    }

    /** How many output pixels take each exemplar patch centre. */
    private static int[] usage(NearestNeighbourField field, PatchLevel level) {
        int[] counts = new int[level.exemplarWidth() * level.exemplarHeight()];
        for (int i = 0; i < field.sourceX().length; i++) {
            counts[field.sourceY()[i] * level.exemplarWidth() + field.sourceX()[i]]++;
        }
        return counts;
    }

    /**
     * Voting: every output pixel is the mean of the exemplar pixels that the patches overlapping it put
     * there. Lab, interleaved.
     */
    static float[] vote(NearestNeighbourField field, PatchLevel level, int patchSize, CancelToken cancel) {
        return vote(field, null, null, level, patchSize, cancel);
    }
    /**
     * Which matches follow the prior: those within {@code radius} of where a confident prior points, where the
     * images agree. The last vote reads such a patch along the map (each of its pixels where the prior sends
     * that pixel) instead of as a rigid block at a whole-pixel offset: overlapping rigid patches that follow a
     * rotated or scaled map disagree by up to a pixel and their average blurs the strokes (measured on the
     * known-truth cases: +1 to +2.5 dB on ImageMagick {@code -paint}). Matches the structure moved elsewhere
     * are read as they are.
     */
    static boolean[] followingThePrior(NearestNeighbourField field, float[][] mapped, int radius) {
        int n = field.width() * field.height();
        boolean[] following = new boolean[n];
        for (int i = 0; i < n; i++) {
            following[i] = mapped[2][i] >= SUB_PIXEL_CONFIDENCE && mapped[3][i] >= FOLLOWING_AGREEMENT
                    && Math.abs(mapped[0][i] - field.sourceX()[i]) <= radius
                    && Math.abs(mapped[1][i] - field.sourceY()[i]) <= radius;
        }
        return following;
    }

    /**
     * {@link #vote}, with the patches that follow the prior read along it (bicubic, sub-pixel).
     *
     * @param following per patch centre, whether it follows the prior ({@link #followingThePrior}); {@code null}
     *                  for none
     * @param mapped    the prior at this level ({@link CorrespondencePrior#atLevel}); read only where a patch
     *                  follows it
     */
    static float[] vote(NearestNeighbourField field, boolean[] following, float[][] mapped, PatchLevel level,
                        int patchSize, CancelToken cancel) {
        int width = level.width();
        int height = level.height();
        int exWidth = level.exemplarWidth();
        int exHeight = level.exemplarHeight();
        int r = patchSize / 2;
        float[] colour = level.exemplarColour();
        int[] sx = field.sourceX();
        int[] sy = field.sourceY();
        float[] out = new float[width * height * 3];
        IntStream.range(0, height).parallel().forEach(y -> {
            cancel.throwIfCancelled();
            float[] sum = new float[3];
            float[] alongThePrior = new float[3];
            for (int x = 0; x < width; x++) {
                sum[0] = 0;
                sum[1] = 0;
                sum[2] = 0;
                int count = 0;
                int followers = 0;
                int i = y * width + x;
                for (int dy = Math.max(-r, y - height + 1); dy <= Math.min(r, y); dy++) {
                    int rowOfCentre = (y - dy) * width;
                    for (int dx = Math.max(-r, x - width + 1); dx <= Math.min(r, x); dx++) {
                        int centre = rowOfCentre + x - dx;
                        if (following != null && following[centre]) {
                            followers++;
                        } else {
                            int e = 3 * ((sy[centre] + dy) * exWidth + sx[centre] + dx);
                            sum[0] += colour[e];
                            sum[1] += colour[e + 1];
                            sum[2] += colour[e + 2];
                        }
                        count++;
                    }
                }
                if (followers > 0) {
                    // every patch that follows the prior reads this pixel at the same place: where the prior sends it
                    alongThePrior[0] = 0;
                    alongThePrior[1] = 0;
                    alongThePrior[2] = 0;
                    addCubic(colour, exWidth, exHeight, mapped[0][i], mapped[1][i], alongThePrior);
                    for (int c = 0; c < 3; c++) {
                        sum[c] += followers * alongThePrior[c];
                    }
                }
                int o = 3 * i;
                out[o] = sum[0] / count;
                out[o + 1] = sum[1] / count;
                out[o + 2] = sum[2] / count;
            }
        });
        return out;
    }

    /**
     * Adds the interleaved Lab colour at (x, y), Catmull–Rom bicubic and clamped into the image, to
     * {@code sum}: sharper than bilinear, which blurs a painting's hard-edged dabs.
     */
    private static void addCubic(float[] colour, int width, int height, float x, float y, float[] sum) {
        float cx = Math.max(0, Math.min(width - 1, x));
        float cy = Math.max(0, Math.min(height - 1, y));
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        float[] wx = catmullRom(cx - x0);
        float[] wy = catmullRom(cy - y0);
        for (int j = 0; j < 4; j++) {
            int row = Math.max(0, Math.min(height - 1, y0 - 1 + j)) * width;
            for (int i = 0; i < 4; i++) {
                float w = wx[i] * wy[j];
                int e = 3 * (row + Math.max(0, Math.min(width - 1, x0 - 1 + i)));
                sum[0] += w * colour[e];
                sum[1] += w * colour[e + 1];
                sum[2] += w * colour[e + 2];
            }
        }
    }

    private static float[] catmullRom(float t) {
        float t2 = t * t;
        float t3 = t2 * t;
        return new float[] {
            0.5f * (-t3 + 2 * t2 - t),
            0.5f * (3 * t3 - 5 * t2 + 2),
            0.5f * (-3 * t3 + 4 * t2 + t),
            0.5f * (t3 - t2)
        };
    }

    private static RgbImage toRgb(float[] lab, int width, int height) {
        int n = width * height;
        float[] l = new float[n];
        float[] a = new float[n];
        float[] b = new float[n];
        for (int i = 0; i < n; i++) {
            l[i] = Math.max(0f, Math.min(100f, lab[3 * i]));
            a[i] = lab[3 * i + 1];
            b[i] = lab[3 * i + 2];
        }
        return new LabImage(width, height, l, a, b).toRgb();
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** The energy at one level, for the current output and usage (both fixed during a pass). */
    private static final class LevelCost implements PatchMatch.Cost {
        private final int width;
        private final int height;
        private final int exWidth;
        private final int r;
        private final float[] inputGuide;
        private final float[] exemplarGuide;
        private final boolean withChroma;
        private final float[] exemplarColour;
        private final float[] output;
        private final float[] mapX;
        private final float[] mapY;
        private final float[] confidence;
        private final int[] usage;
        private final float structure;
        private final float colour;
        private final float prior;
        private final float uniformity;
        private final float inverseSigmaSquared;
        private final float fairShare;

        LevelCost(PatchLevel level, float[][] mapped, float[] output, int[] usage, PatchSettings settings) {
            this.width = level.width();
            this.height = level.height();
            this.exWidth = level.exemplarWidth();
            this.r = settings.patchSize() / 2;
            this.inputGuide = level.inputGuide();
            this.exemplarGuide = level.exemplarGuide();
            this.withChroma = level.withChroma();
            this.exemplarColour = level.exemplarColour();
            this.output = output;
            this.mapX = mapped[0];
            this.mapY = mapped[1];
            this.confidence = priorTrust(mapped[2], mapped[3]);
            this.usage = usage;
            this.structure = (float) settings.structure();
            this.colour = (float) settings.colour();
            this.prior = (float) settings.prior() * PRIOR_COST;
            this.uniformity = (float) settings.uniformity() * USAGE_COST;
            double sigma = PRIOR_RADIUS * Math.max(level.exemplarWidth(), level.exemplarHeight());
            this.inverseSigmaSquared = (float) (1 / (sigma * sigma));
            double share = (double) width * height / ((double) level.exemplarWidth() * level.exemplarHeight());
            this.fairShare = (float) Math.max(1, share);
        }

        @Override
        public float cost(int x, int y, int sx, int sy, float bound) {
            int i = y * width + x;
            float base = 0;
            if (prior > 0 && confidence[i] > 0) {
                float dx = sx - mapX[i];
                float dy = sy - mapY[i];
                base += prior * confidence[i] * Math.min(1f, (dx * dx + dy * dy) * inverseSigmaSquared);
            }
            if (uniformity > 0) {
                float overuse = (usage[sy * exWidth + sx] - fairShare) / fairShare;
                if (overuse > 0) {
                    base += uniformity * Math.min(MAX_OVERUSE, overuse);
                }
            }
            if (base >= bound) {
                return base;
            }
            int y0 = Math.max(-r, -y);
            int y1 = Math.min(r, height - 1 - y);
            int x0 = Math.max(-r, -x);
            int x1 = Math.min(r, width - 1 - x);
            int count = (y1 - y0 + 1) * (x1 - x0 + 1);
            float limit = bound == Float.POSITIVE_INFINITY ? Float.POSITIVE_INFINITY : (bound - base) * count;
            float sum = 0;
            if (withChroma) {
                return withChroma(x, y, sx, sy, base, limit, count, x0, x1, y0, y1, bound);
            }
            for (int dy = y0; dy <= y1; dy++) {
                int p = 3 * ((y + dy) * width + x + x0);
                int q = 3 * ((sy + dy) * exWidth + sx + x0);
                for (int dx = x0; dx <= x1; dx++, p += 3, q += 3) {
                    float g0 = inputGuide[p] - exemplarGuide[q];
                    float g1 = inputGuide[p + 1] - exemplarGuide[q + 1];
                    float g2 = inputGuide[p + 2] - exemplarGuide[q + 2];
                    float c0 = output[p] - exemplarColour[q];
                    float c1 = output[p + 1] - exemplarColour[q + 1];
                    float c2 = output[p + 2] - exemplarColour[q + 2];
                    sum += structure * (g0 * g0 + g1 * g1 + g2 * g2) + colour * (c0 * c0 + c1 * c1 + c2 * c2);
                }
                if (sum >= limit) {
                    return bound;
                }
            }
            return base + sum / count;
        }

        /**
         * {@link #cost} with the two chroma channels in the guide. Kept apart from the structure-only loop on
         * purpose: one loop with the channel count as a variable and a branch inside ran the full synthesis
         * 20–40 % slower (the strides are constants here, and the finest level never has chroma).
         */
        private float withChroma(int x, int y, int sx, int sy, float base, float limit, int count, int x0, int x1,
                                 int y0, int y1, float bound) {
            float sum = 0;
            int gi = PatchLevel.INPUT_WITH_CHROMA_CHANNELS;
            int ge = PatchLevel.WITH_CHROMA_CHANNELS;
            for (int dy = y0; dy <= y1; dy++) {
                int start = (y + dy) * width + x + x0;
                int exStart = (sy + dy) * exWidth + sx + x0;
                int p = 3 * start;
                int q = 3 * exStart;
                int pg = gi * start;
                int qg = ge * exStart;
                for (int dx = x0; dx <= x1; dx++, p += 3, q += 3, pg += gi, qg += ge) {
                    float g0 = inputGuide[pg] - exemplarGuide[qg];
                    float g1 = inputGuide[pg + 1] - exemplarGuide[qg + 1];
                    float g2 = inputGuide[pg + 2] - exemplarGuide[qg + 2];
                    float trust = inputGuide[pg + 5];
                    float g3 = trust * (inputGuide[pg + 3] - exemplarGuide[qg + 3]);
                    float g4 = trust * (inputGuide[pg + 4] - exemplarGuide[qg + 4]);
                    float c0 = output[p] - exemplarColour[q];
                    float c1 = output[p + 1] - exemplarColour[q + 1];
                    float c2 = output[p + 2] - exemplarColour[q + 2];
                    sum += structure * (g0 * g0 + g1 * g1 + g2 * g2 + g3 * g3 + g4 * g4)
                            + colour * (c0 * c0 + c1 * c1 + c2 * c2);
                }
                if (sum >= limit) {
                    return bound;
                }
            }
            return base + sum / count;
        }
    }
}
